namespace IncidentDesk.Web;

/// <summary>Marker type for the incident register's strings (Resources/RegisterResource*.resx; neutral = pt-BR).</summary>
#pragma warning disable CA1812 // used as the type argument of IStringLocalizer<T>
internal sealed class RegisterResource;
#pragma warning restore CA1812
