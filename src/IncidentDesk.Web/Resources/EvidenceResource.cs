namespace IncidentDesk.Web;

/// <summary>Marker type for the evidence strings (Resources/EvidenceResource*.resx; neutral = pt-BR).</summary>
#pragma warning disable CA1812 // used as the type argument of IStringLocalizer<T>
internal sealed class EvidenceResource;
#pragma warning restore CA1812
