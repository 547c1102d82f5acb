using IncidentDesk.Web.Features.Incidents.Intake;
using System.Globalization;
using IncidentDesk.Core.Compliance;
using IncidentDesk.Core.Incidents;
using IncidentDesk.Core.Reports;
using IncidentDesk.Core.Timeline;
using IncidentDesk.Data;
using IncidentDesk.Web.Features.Audit;
using IncidentDesk.Web.Features.Incidents;
using IncidentDesk.Web.Outcomes;
using IncidentDesk.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace IncidentDesk.Web.Features.Reports.Inbox;

/// <summary>
/// The officers' intake inbox of outside reports: read by officers and auditors (a liaison is refused, and reads none in
/// any case: CoopScoping hides them), triaged by officers only — acknowledge, message the reporter, promote to a new
/// incident, attach to an existing one, decline with a reason. Every step is audited; once a report is tied to an
/// incident the step is on that incident's timeline too. See ReportIntakeService.Triage.cs for the incident side.
/// </summary>
public sealed partial class ReportIntakeService(
    IDbContextFactory<IncidentDeskDbContext> dbFactory, CurrentUser user, AuditLog audit, TimeProvider time,
    BusinessCalendar calendar, IncidentIntakeService register, Incidents.Evidence.EvidenceStore store, IReporterNotifier notifier)
{
    private bool MayRead => user.IsOfficer || user.IsAuditor;

    /// <summary>The inbox, newest first: open reports (not yet tied to an incident nor declined) unless <paramref name="all"/>.</summary>
    public async Task<Result<IReadOnlyList<InboxRow>>> ListAsync(bool all = false, CancellationToken cancellationToken = default)
    {
        if (await audit.ForbiddenUnlessAsync(MayRead, nameof(SecurityReport), null, cancellationToken) is { } forbidden)
        {
            return forbidden;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var reports = db.SecurityReports.AsNoTracking();
        if (!all)
        {
            reports = reports.Where(r => r.IncidentId == null && r.Status != SecurityReportStatus.NotAccepted);
        }

        var rows = await reports.OrderByDescending(r => r.ReceivedAtUtc).Take(500)
            .Select(r => new
            {
                r.Id, r.Reference, r.ReceivedAtUtc, r.Status, r.Target, r.AcknowledgedAtUtc, r.IncidentId,
                Coop = db.Coops.Where(c => c.Id == r.CoopId).Select(c => c.Name).FirstOrDefault(),
                Incident = db.Incidents.Where(i => i.Id == r.IncidentId).Select(i => i.Reference).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        return Result.Success<IReadOnlyList<InboxRow>>([.. rows.Select(r => new InboxRow(
            r.Id, r.Reference, r.ReceivedAtUtc, r.Status, r.Target, r.Coop,
            AcknowledgementClock.State(r.ReceivedAtUtc, r.AcknowledgedAtUtc is not null || r.Status != SecurityReportStatus.Received, now, calendar),
            AcknowledgementClock.DueUtc(r.ReceivedAtUtc, calendar), r.Incident, r.IncidentId))]);
    }

    public async Task<Result<InboxReport>> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        if (await audit.ForbiddenUnlessAsync(MayRead, nameof(SecurityReport), Id(id), cancellationToken) is { } forbidden)
        {
            return forbidden;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var report = await db.SecurityReports.AsNoTracking().Include(r => r.Messages).FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (report is null)
        {
            return Result.NotFound();
        }

        var coop = report.CoopId is { } coopId ? await db.Coops.Where(c => c.Id == coopId).Select(c => c.Name).FirstOrDefaultAsync(cancellationToken) : null;
        var incident = report.IncidentId is { } incidentId
            ? await db.Incidents.Where(i => i.Id == incidentId).Select(i => i.Reference).FirstOrDefaultAsync(cancellationToken)
            : null;
        var now = time.GetUtcNow().UtcDateTime;
        var row = new InboxRow(report.Id, report.Reference, report.ReceivedAtUtc, report.Status, report.Target, coop,
            AcknowledgementClock.State(report.ReceivedAtUtc, !report.AwaitsAcknowledgement, now, calendar),
            AcknowledgementClock.DueUtc(report.ReceivedAtUtc, calendar), incident, report.IncidentId);
        return Result.Success(new InboxReport(row, report.Finding, report.HowFound, report.FoundOn, report.ProofOfConcept,
            report.DataAccessed, report.OthersInformed, report.PlannedDisclosureOn, report.Sharing, report.ReporterName,
            report.ReporterOrganisation, report.ReporterEmail, report.ConsentToContact, report.WantsCredit,
            [.. report.Messages.OrderBy(m => m.SentAtUtc).ThenBy(m => m.Id).Select(m => new InboxMessage(m.FromReporter, m.Body, m.SentAtUtc, m.AuthorName))]));
    }

    /// <summary>Tells the reporter the report was received and is being looked at; an optional message goes with it.</summary>
    public Task<Result> AcknowledgeAsync(int id, string? message, CancellationToken cancellationToken = default) =>
        TriageAsync(id, message, required: false, InboxField.Message, (report, now) =>
        {
            if (report.Status == SecurityReportStatus.Received)
            {
                report.Status = SecurityReportStatus.Acknowledged;
            }

            return null;
        }, cancellationToken);

    /// <summary>A message the reporter reads on their status page (and, if they agreed, is told of by mail).</summary>
    public Task<Result> SendMessageAsync(int id, string? message, CancellationToken cancellationToken = default) =>
        TriageAsync(id, message, required: true, InboxField.Message, (report, _) =>
        {
            if (report.Status == SecurityReportStatus.Received)
            {
                report.Status = SecurityReportStatus.Acknowledged;
            }

            return null;
        }, cancellationToken);

    /// <summary>Not accepted (out of scope, not reproducible, a duplicate of a closed matter): the reason is sent to the reporter.</summary>
    public Task<Result> DeclineAsync(int id, string? reason, CancellationToken cancellationToken = default) =>
        TriageAsync(id, reason, required: true, InboxField.Reason, (report, _) =>
        {
            if (report.IncidentId is not null)
            {
                return Result.ConflictWith(InboxConflict.AlreadyLinked, "Conflict.AlreadyLinked");
            }

            report.Status = SecurityReportStatus.NotAccepted;
            return null;
        }, cancellationToken);

    /// <summary>Marks a report tied to an incident as resolved (the reporter sees it) with an optional closing message.</summary>
    public Task<Result> ResolveAsync(int id, string? message, CancellationToken cancellationToken = default) =>
        TriageAsync(id, message, required: false, InboxField.Message, (report, _) =>
        {
            if (report.Status == SecurityReportStatus.NotAccepted)
            {
                return Result.ConflictWith(InboxConflict.Closed, "Conflict.Closed");
            }

            report.Status = SecurityReportStatus.Resolved;
            return null;
        }, cancellationToken);

    /// <summary>
    /// One triage step on the report alone: officer only, the text checked, the change and the optional message saved in one
    /// audited transaction, then the reporter told there is news (after the commit: a failed mail never undoes a step).
    /// </summary>
    private async Task<Result> TriageAsync(
        int id, string? text, bool required, string field, Func<SecurityReport, DateTime, Failure?> change, CancellationToken cancellationToken)
    {
        if (await audit.ForbiddenUnlessAsync(user.IsOfficer, nameof(SecurityReport), Id(id), cancellationToken) is { } forbidden)
        {
            return forbidden;
        }

        var body = text?.Trim() ?? "";
        if (required && body.Length == 0)
        {
            return Result.Invalid(field, "Required", "Error.Required");
        }

        if (body.Length > SecurityReportMessage.BodyMax)
        {
            return Result.Invalid(field, "TooLong", "Error.TooLong", SecurityReportMessage.BodyMax);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var report = await db.SecurityReports.FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (report is null)
        {
            return Result.NotFound();
        }

        var now = time.GetUtcNow().UtcDateTime;
        if (change(report, now) is { } refused)
        {
            return refused;
        }

        Answered(report, now);
        if (body.Length > 0)
        {
            db.SecurityReportMessages.Add(new SecurityReportMessage
            {
                SecurityReportId = report.Id, FromReporter = false, Body = body, SentAtUtc = now, AuthorName = user.Name,
            });
        }

        if (report.IncidentId is { } incidentId)
        {
            db.TimelineEvents.Add(AutomaticEvents.Create(incidentId, TimelineEventKind.Notification, now,
                ReportRecordText.Step(report.Reference, report.Status), body.Length > 0 ? body : null, user.Name));
        }

        await audit.SaveChangesAsync(db, cancellationToken: cancellationToken);
        await NotifyAsync(report, cancellationToken);
        return Result.Success();
    }

    private static void Answered(SecurityReport report, DateTime now)
    {
        report.AcknowledgedAtUtc ??= now;
        report.UpdatedAtUtc = now;
    }

    private Task NotifyAsync(SecurityReport report, CancellationToken cancellationToken) =>
        report is { ConsentToContact: true, ReporterEmail: { } email }
            ? notifier.UpdateAvailableAsync(new ReporterNotice(email, report.Reference), cancellationToken)
            : Task.CompletedTask;

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}
