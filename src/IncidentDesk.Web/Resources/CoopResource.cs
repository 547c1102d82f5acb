namespace IncidentDesk.Web;

/// <summary>Marker type for the co-op directory, detail and import strings (Resources/CoopResource*.resx; neutral = pt-BR).</summary>
#pragma warning disable CA1812 // used as the type argument of IStringLocalizer<T>
internal sealed class CoopResource;
#pragma warning restore CA1812
