namespace IncidentDesk.Web;

/// <summary>Marker type for the incident list's strings (Resources/IncidentListResource*.resx; neutral = pt-BR).</summary>
#pragma warning disable CA1812 // used as the type argument of IStringLocalizer<T>
internal sealed class IncidentListResource;
#pragma warning restore CA1812
