namespace IncidentDesk.Web;

/// <summary>Marker type for the texts of the transport checks (Resources/SecurityResource*.resx; neutral = pt-BR).</summary>
#pragma warning disable CA1812 // used as the type argument of IStringLocalizer<T>
internal sealed class SecurityResource;
#pragma warning restore CA1812
