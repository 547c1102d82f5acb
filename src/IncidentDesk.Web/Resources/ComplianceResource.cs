namespace IncidentDesk.Web;

/// <summary>Marker type for the LGPD calendar and deadline strings, incl. the authority's name and article labels (Resources/ComplianceResource*.resx; neutral = pt-BR).</summary>
#pragma warning disable CA1812 // used as the type argument of IStringLocalizer<T>
internal sealed class ComplianceResource;
#pragma warning restore CA1812
