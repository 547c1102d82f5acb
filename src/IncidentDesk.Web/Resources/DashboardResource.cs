namespace IncidentDesk.Web;

/// <summary>Marker type for the dashboard's strings (Resources/DashboardResource*.resx; neutral = pt-BR).</summary>
#pragma warning disable CA1812 // used as the type argument of IStringLocalizer<T>
internal sealed class DashboardResource;
#pragma warning restore CA1812
