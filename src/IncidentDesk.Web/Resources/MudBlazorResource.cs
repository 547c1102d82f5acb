namespace IncidentDesk.Web;

/// <summary>Marker type for MudBlazor's own texts (Resources/MudBlazorResource*.resx; neutral = pt-BR).</summary>
#pragma warning disable CA1812 // used as the type argument of IStringLocalizer<T>
internal sealed class MudBlazorResource;
#pragma warning restore CA1812
