namespace IncidentDesk.Web;

/// <summary>Marker type for the texts of the public report door and the intake inbox (Resources/ReportResource*.resx; neutral = pt-BR).</summary>
#pragma warning disable CA1812 // used as the type argument of IStringLocalizer<T>
public sealed class ReportResource;
#pragma warning restore CA1812
