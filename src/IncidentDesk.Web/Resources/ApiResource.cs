namespace IncidentDesk.Web;

/// <summary>Marker type for the API's own problem texts (Resources/ApiResource*.resx; neutral = pt-BR).</summary>
#pragma warning disable CA1812 // used as the type argument of IStringLocalizer<T>
internal sealed class ApiResource;
#pragma warning restore CA1812
