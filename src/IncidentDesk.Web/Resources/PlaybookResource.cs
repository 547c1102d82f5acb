namespace IncidentDesk.Web;

/// <summary>Marker type for the playbook pages' strings (Resources/PlaybookResource*.resx; neutral = pt-BR).</summary>
#pragma warning disable CA1812 // used as the type argument of IStringLocalizer<T>
internal sealed class PlaybookResource;
#pragma warning restore CA1812
