namespace IncidentDesk.Web;

/// <summary>Marker type for the relevance assessment strings (Resources/RelevanceResource*.resx; neutral = pt-BR).</summary>
#pragma warning disable CA1812 // used as the type argument of IStringLocalizer<T>
internal sealed class RelevanceResource;
#pragma warning restore CA1812
