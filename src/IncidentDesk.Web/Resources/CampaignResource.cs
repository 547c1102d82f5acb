namespace IncidentDesk.Web;

/// <summary>Marker type for campaign and task strings (Resources/CampaignResource*.resx; neutral = pt-BR).</summary>
#pragma warning disable CA1812 // used as the type argument of IStringLocalizer<T>
internal sealed class CampaignResource;
#pragma warning restore CA1812
