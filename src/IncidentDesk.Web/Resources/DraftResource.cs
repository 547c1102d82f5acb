namespace IncidentDesk.Web;

/// <summary>Marker type for the notification drafts section (Resources/DraftResource*.resx; neutral = pt-BR).</summary>
#pragma warning disable CA1812 // used as the type argument of IStringLocalizer<T>
internal sealed class DraftResource;
#pragma warning restore CA1812
