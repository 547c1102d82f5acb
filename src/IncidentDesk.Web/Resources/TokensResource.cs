namespace IncidentDesk.Web;

/// <summary>Marker type for the personal access token page's strings (Resources/TokensResource*.resx; neutral = pt-BR).</summary>
#pragma warning disable CA1812 // used as the type argument of IStringLocalizer<T>
internal sealed class TokensResource;
#pragma warning restore CA1812
