namespace IncidentDesk.Web;

/// <summary>Marker type for the Audit page's strings (Resources/AuditResource*.resx; neutral = pt-BR).</summary>
#pragma warning disable CA1812 // used as the type argument of IStringLocalizer<T>
internal sealed class AuditResource;
#pragma warning restore CA1812
