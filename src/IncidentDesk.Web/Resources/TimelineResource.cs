namespace IncidentDesk.Web;

/// <summary>Marker type for the manual timeline event strings (Resources/TimelineResource*.resx; neutral = pt-BR).</summary>
#pragma warning disable CA1812 // used as the type argument of IStringLocalizer<T>
internal sealed class TimelineResource;
#pragma warning restore CA1812
