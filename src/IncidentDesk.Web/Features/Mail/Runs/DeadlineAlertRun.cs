using System.Globalization;
using IncidentDesk.Core.Compliance;
using IncidentDesk.Core.Compliance.Assessment;
using IncidentDesk.Core.Compliance.Drafts;
using IncidentDesk.Core.Incidents;
using IncidentDesk.Core.Mail;
using IncidentDesk.Data;
using IncidentDesk.Web.Features.Compliance;
using Microsoft.EntityFrameworkCore;

namespace IncidentDesk.Web.Features.Mail.Runs;

/// <summary>
/// The LGPD deadline alerts of one business day, to every active privacy officer: for each controller co-op whose ANPD
/// communication or data-subject notice is not yet recorded as filed, the business day before the working deadline, on it,
/// and on the latest defensible date when that is later. These cannot be switched off. A co-op whose latest relevance
/// assessment concluded "record only" (R15 art. 5: no communication due) is not alerted.
/// </summary>
public sealed class DeadlineAlertRun(MailRunner runner, MailComposer composer, BusinessCalendarProvider calendars)
{
    public const string Kind = "deadline-alerts";

    /// <summary>Deadlines run for at most 6 business days plus holidays; knowledge older than this has no alert left.</summary>
    private static readonly TimeSpan Horizon = TimeSpan.FromDays(45);

    public Task<RunReport> RunAsync(DateOnly today, DateTime nowUtc, CancellationToken cancellationToken = default)
    {
        var calendar = calendars.Current;
        return !ReminderPlan.IsRunDay(today, calendar)
            ? Task.FromResult(new RunReport(today, AlreadyRan: false, new Dictionary<MailKind, int>()))
            : runner.RunAsync(Kind, today, nowUtc, db => ComposeAsync(db, today, calendar, cancellationToken), cancellationToken);
    }

    private async Task<IReadOnlyList<MailDraft>> ComposeAsync(
        IncidentDeskDbContext db, DateOnly today, BusinessCalendar calendar, CancellationToken cancellationToken)
    {
        var controllers = await ControllersAsync(db, Core.Common.Brasilia.StartOfDayUtc(today) - Horizon, cancellationToken);
        var alerts = DeadlineAlerts.For(today, controllers, calendar);
        if (alerts.Count == 0)
        {
            return [];
        }

        var officers = await MailRecipients.OfficersAsync(db, cancellationToken);
        return [.. from alert in alerts
            from officer in officers
            let c = alert.Controller
            select new MailDraft(MailKind.DeadlineAlert, officer.Address, officer.Name, officer.UserId, c.CoopId,
                MailKeys.For(officer.Address, MailKind.DeadlineAlert, string.Create(CultureInfo.InvariantCulture, $"incident:{c.IncidentId}:coop:{c.CoopId}"),
                    $"{alert.Stage}:{MailKeys.Day(alert.Deadline)}"),
                officer.Culture, composer.DeadlineAlert(officer.Culture, officer, alert))];
    }

    private static async Task<List<AlertController>> ControllersAsync(IncidentDeskDbContext db, DateTime knownSince, CancellationToken cancellationToken)
    {
        var rows = await (
            from v in db.CoopInvolvements.AsNoTracking()
            where v.Role == InvolvementRole.ControllerAffected && v.KnowledgeAtUtc >= knownSince
            join i in db.Incidents.AsNoTracking() on v.IncidentId equals i.Id
            where i.Status != IncidentStatus.Closed && i.Status != IncidentStatus.Dismissed
            join c in db.Coops.AsNoTracking() on v.CoopId equals c.Id
            select new { v.IncidentId, i.Reference, i.Title, v.CoopId, c.Code, c.Name, v.KnowledgeAtUtc, c.IsSmallProcessingAgent })
            .ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            return [];
        }

        var incidentIds = rows.Select(r => r.IncidentId).Distinct().ToList();
        var filed = (await db.CommunicationFilings.AsNoTracking().Where(f => incidentIds.Contains(f.IncidentId))
            .Select(f => new { f.IncidentId, f.CoopId, f.Kind }).ToListAsync(cancellationToken))
            .Select(f => (f.IncidentId, f.CoopId, f.Kind)).ToHashSet();
        var assessments = await db.RelevanceAssessments.AsNoTracking().Where(a => incidentIds.Contains(a.IncidentId))
            .Select(a => new { a.IncidentId, a.CoopId, a.Version, a.Result }).ToListAsync(cancellationToken);
        var recordOnly = assessments.GroupBy(a => (a.IncidentId, a.CoopId))
            .Where(g => g.MaxBy(a => a.Version)!.Result == RelevanceResult.RecordOnly).Select(g => g.Key).ToHashSet();
        return [.. rows.Where(r => !recordOnly.Contains((r.IncidentId, r.CoopId))).OrderBy(r => r.Reference, StringComparer.Ordinal).ThenBy(r => r.Code, StringComparer.Ordinal)
            .Select(r => new AlertController(r.IncidentId, r.Reference, r.Title, r.CoopId, r.Code, r.Name, r.KnowledgeAtUtc, r.IsSmallProcessingAgent,
                AnpdFiled: filed.Contains((r.IncidentId, r.CoopId, FilingKind.AnpdCommunication)),
                SubjectNoticeFiled: filed.Contains((r.IncidentId, r.CoopId, FilingKind.SubjectNotice))))];
    }
}
