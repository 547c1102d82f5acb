namespace IncidentDesk.Web;

/// <summary>Marker type for exposure watch's strings (Resources/ExposureResource*.resx; neutral = pt-BR).</summary>
#pragma warning disable CA1812 // used as the type argument of IStringLocalizer<T>
internal sealed class ExposureResource;
#pragma warning restore CA1812
