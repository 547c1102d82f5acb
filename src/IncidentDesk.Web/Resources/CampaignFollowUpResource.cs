namespace IncidentDesk.Web;

/// <summary>Marker type for the campaign follow-up strings: exports, overdue counts and list (Resources/CampaignFollowUpResource*.resx; neutral = pt-BR).</summary>
#pragma warning disable CA1812 // used as the type argument of IStringLocalizer<T>
internal sealed class CampaignFollowUpResource;
#pragma warning restore CA1812
