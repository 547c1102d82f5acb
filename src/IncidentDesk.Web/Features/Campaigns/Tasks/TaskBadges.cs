using IncidentDesk.Core.Campaigns;

using MudBlazor;

namespace IncidentDesk.Web.Features.Campaigns.Tasks;

/// <summary>One colour per task status, the same on the liaison's cards and the officers' matrix.</summary>
public static class TaskBadges
{
    public static Color For(CoopTaskStatus status) => status switch
    {
        CoopTaskStatus.Open => Color.Default,
        CoopTaskStatus.InProgress => Color.Info,
        CoopTaskStatus.Blocked => Color.Warning,
        CoopTaskStatus.Done => Color.Success,
        CoopTaskStatus.NotApplicable => Color.Secondary,
        CoopTaskStatus.Cancelled => Color.Dark,
        _ => Color.Default,
    };
}
