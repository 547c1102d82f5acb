namespace IncidentDesk.Web;

/// <summary>Marker type for the key-figure and co-op involvement editors' strings (Resources/FiguresResource*.resx; neutral = pt-BR).</summary>
#pragma warning disable CA1812 // used as the type argument of IStringLocalizer<T>
internal sealed class FiguresResource;
#pragma warning restore CA1812
