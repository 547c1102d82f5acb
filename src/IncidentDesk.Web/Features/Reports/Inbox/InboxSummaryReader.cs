using IncidentDesk.Core.Reports;
using IncidentDesk.Data;
using IncidentDesk.Web.Features.Compliance;
using IncidentDesk.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace IncidentDesk.Web.Features.Reports.Inbox;

/// <summary>The dashboard's line about the intake inbox, kept apart from the triage service so the dashboard needs nothing of it.</summary>
public sealed class InboxSummaryReader(
    IDbContextFactory<IncidentDeskDbContext> dbFactory, CurrentUser user, TimeProvider time, BusinessCalendarProvider calendars)
{
    /// <summary>Reports still waiting for their acknowledgement; null for those who may not read the inbox (liaisons).</summary>
    public async Task<InboxSummary?> SummaryAsync(CancellationToken cancellationToken = default)
    {
        if (!user.IsOfficer && !user.IsAuditor)
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var waiting = await db.SecurityReports.AsNoTracking()
            .Where(r => r.AcknowledgedAtUtc == null && r.Status == SecurityReportStatus.Received)
            .Select(r => r.ReceivedAtUtc).ToListAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var calendar = calendars.Current;
        var states = waiting.Select(at => AcknowledgementClock.State(at, answered: false, now, calendar)).ToList();
        return new InboxSummary(states.Count, states.Count(s => s == ClockState.Overdue), states.Count(s => s == ClockState.DueSoon));
    }
}
