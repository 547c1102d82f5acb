namespace IncidentDesk.Web;

/// <summary>Marker type for the incident intake and status-change strings (Resources/IntakeResource*.resx; neutral = pt-BR).</summary>
#pragma warning disable CA1812 // used as the type argument of IStringLocalizer<T>
internal sealed class IntakeResource;
#pragma warning restore CA1812
