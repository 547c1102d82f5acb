using IncidentDesk.Core.Compliance;
using IncidentDesk.Core.Incidents;
using IncidentDesk.Core.Timeline;
using IncidentDesk.Web.Features.Campaigns;
using IncidentDesk.Web.Features.Campaigns.Overdue;
using IncidentDesk.Web.Features.Campaigns.Tasks;

namespace IncidentDesk.Web.Features.Dashboard;

/// <summary>How many open incidents share one status and one severity (the breakdown charts sum these).</summary>
public sealed record IncidentCount(IncidentStatus Status, IncidentSeverity Severity, int Count);

/// <summary>The next deadline of one controller co-op in one open incident, as the deadlines widget lists it.</summary>
public sealed record UpcomingDeadline(
    int IncidentId, string IncidentReference, int CoopId, string CoopCode, string CoopName, DeadlineKind Kind, DateOnly Due,
    DeadlineUrgency Urgency);

/// <summary>One campaign of an open incident with how far it got and what the officers must chase.</summary>
public sealed record CampaignProgressRow(
    int CampaignId, int IncidentId, string IncidentReference, string Title, int Finished, int Total, int Blocked, int Overdue)
{
    public double PercentFinished => Total == 0 ? 0 : 100.0 * Finished / Total;
}

/// <summary>One UF's share of finished tasks in a campaign; <see cref="Total"/> is 0 when the campaign asked none of its co-ops.</summary>
public sealed record UfCompletion(string Uf, string Name, int Finished, int Total)
{
    /// <summary>Whole percent finished, rounded down so 99.6 % never reads as done; null without tasks.</summary>
    public int? Percent => Total == 0 ? null : (int)Math.Floor(100.0 * Finished / Total);
}

/// <summary>One timeline entry of an open incident for the activity feed.</summary>
public sealed record ActivityItem(
    int EventId, int IncidentId, string IncidentReference, DateTime RecordedAtUtc, TimelineEventKind Kind, string Title, string RecordedBy);

/// <summary>
/// Everything the dashboard shows, scoped to the reader: officers and auditors get the federation, a liaison their co-op
/// (the federation-wide parts are then empty, never someone else's data).
/// </summary>
public sealed record DashboardView(
    bool Federation,
    IReadOnlyList<IncidentCount> OpenIncidents,
    IReadOnlyList<UpcomingDeadline> Deadlines,
    IReadOnlyList<CampaignProgressRow> Campaigns,
    int? SelectedCampaignId,
    IReadOnlyList<UfCompletion> Ufs,
    IReadOnlyList<OverdueCoop> OverdueCoops,
    IReadOnlyList<ActivityItem> Activity,
    IReadOnlyList<CoopTaskView> MyTasks)
{
    public int OpenIncidentCount => OpenIncidents.Sum(c => c.Count);
}

public sealed record DashboardSnapshot(int ActiveCoops, int Ufs);
