using System.Globalization;

using IncidentDesk.Core.Common;
using IncidentDesk.Core.Incidents;
using IncidentDesk.Core.Timeline;
using IncidentDesk.Data;
using IncidentDesk.Web.Features.Audit;
using IncidentDesk.Web.Features.Incidents.Intake;
using IncidentDesk.Web.Features.Live;
using IncidentDesk.Web.Outcomes;
using IncidentDesk.Web.Security;

using Microsoft.EntityFrameworkCore;

namespace IncidentDesk.Web.Features.Incidents.Intake;

/// <summary>
/// Write side of the incident register: intake of a new report and status changes along the workflow.
/// Only privacy officers write; everyone else is refused (and the attempt audited). Every change is saved
/// through <see cref="AuditLog"/> together with an automatic, immutable timeline event.
/// </summary>
public sealed partial class IncidentIntakeService(IDbContextFactory<IncidentDeskDbContext> dbFactory, CurrentUser user, AuditLog audit, TimeProvider time, IChangeFeed feed)
{
    public const int MaxTitle = 300;
    public const int MaxSummary = 8000;
    public const int MaxReporterField = 200;
    public const int MaxAffectedSystems = 2000;

    private const int ReferenceAttempts = 3;

    /// <summary>Validates a draft and registers it as a new incident in status Reported (officers only).</summary>
    public Task<Result<RegisteredIncident>> CreateAsync(IncidentFormModel draft, CancellationToken cancellationToken = default) =>
        CreateAsync(draft, alsoRecord: null, cancellationToken);

    /// <summary>
    /// As <see cref="CreateAsync(IncidentFormModel, CancellationToken)"/>, with <paramref name="alsoRecord"/> run inside the same
    /// transaction once the incident has its id: what brought the incident in (an outside report, its evidence) is kept
    /// with it or not at all.
    /// </summary>
    public async Task<Result<RegisteredIncident>> CreateAsync(
        IncidentFormModel draft, Func<IncidentDeskDbContext, Incident, CancellationToken, Task>? alsoRecord, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (await audit.ForbiddenUnlessAsync(user.IsOfficer, nameof(Incident), "new", cancellationToken) is { } forbidden)
        {
            return forbidden;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var errors = Validate(draft, now, out var reportedAtUtc, out var discovered, out var knowledgeAtUtc);
        if (errors.Count > 0)
        {
            return errors.ToFailure();
        }

        var year = (reportedAtUtc + PartialDate.BrasiliaOffset).Year;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await InsertAsync(draft, year, reportedAtUtc, discovered, knowledgeAtUtc, now, alsoRecord, cancellationToken);
            }
            catch (DbUpdateException) when (attempt < ReferenceAttempts)
            {
                // Another officer took the same reference a moment earlier (unique index): take the next one.
            }
        }
    }

    /// <summary>
    /// Moves an incident along the workflow (<see cref="IncidentWorkflow"/>, officers only); refusals change nothing. A
    /// missing or too long reason is a refusal of the Reason field; a step the workflow does not allow from the current
    /// status is a conflict with that status, coded by its <see cref="TransitionRefusal"/>.
    /// </summary>
    public async Task<Result> TransitionAsync(
        int incidentId, IncidentStatus to, string? reason, CancellationToken cancellationToken = default)
    {
        if (await audit.ForbiddenUnlessAsync(user.IsOfficer, nameof(Incident), incidentId.ToString(CultureInfo.InvariantCulture), cancellationToken) is { } forbidden)
        {
            return forbidden;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var incident = await db.Incidents.FirstOrDefaultAsync(i => i.Id == incidentId, cancellationToken);
        if (incident is null)
        {
            return Result.NotFound();
        }

        var from = incident.Status;
        var check = IncidentWorkflow.Check(from, to, reason);
        switch (check.Refusal)
        {
            case TransitionRefusal.ReasonRequired:
                return Result.Invalid("Reason", nameof(TransitionRefusal.ReasonRequired), "Refusal.ReasonRequired");
            case TransitionRefusal.ReasonTooLong:
                return Result.Invalid("Reason", nameof(TransitionRefusal.ReasonTooLong), "Refusal.ReasonTooLong", IncidentWorkflow.MaxReasonLength);
            case { } refusal:
                return Result.ConflictWith(refusal.ToString(), $"Refusal.{refusal}");
        }

        var now = time.GetUtcNow().UtcDateTime;
        var note = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        incident.Status = to;
        incident.UpdatedAtUtc = now;
        db.TimelineEvents.Add(AutomaticEvents.Create(incident.Id, TimelineEventKind.Status, now, IncidentRecordText.StatusChanged(from, to), note, user.Name));
        await audit.SaveChangesAsync(db, AuditActions.IncidentStatusChanged, cancellationToken);
        await feed.PublishAsync(ChangeKind.Incident, incident.Id, user, time, cancellationToken: cancellationToken);
        return Result.Success();
    }

    private async Task<Result<RegisteredIncident>> InsertAsync(
        IncidentFormModel draft, int year, DateTime reportedAtUtc, PartialDate? discovered, DateTime knowledgeAtUtc, DateTime now,
        Func<IncidentDeskDbContext, Incident, CancellationToken, Task>? alsoRecord, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await audit.BeginTransactionAsync(db, cancellationToken);

        var prefix = $"{IncidentReference.Prefix}{year.ToString("D4", CultureInfo.InvariantCulture)}-";
        var existing = await db.Incidents.AsNoTracking()
            .Where(i => i.Reference.StartsWith(prefix))
            .Select(i => i.Reference)
            .ToListAsync(cancellationToken);
        var reference = IncidentReference.Next(year, existing).ToString();

        var incident = new Incident
        {
            Reference = reference,
            Title = draft.Title.Trim(),
            Summary = draft.Summary.Trim(),
            Status = IncidentStatus.Reported,
            Severity = draft.Severity,
            Source = draft.Source,
            ReporterName = Optional(draft.ReporterName),
            ReporterOrganisation = Optional(draft.ReporterOrganisation),
            ReporterContact = Optional(draft.ReporterContact),
            ReportedAtUtc = reportedAtUtc,
            DiscoveredAtUtc = discovered?.Utc,
            DiscoveredAtPrecision = discovered?.Precision ?? TimePrecision.Exact,
            KnowledgeAtUtc = knowledgeAtUtc,
            AffectedSystems = draft.AffectedSystems?.Trim() ?? "",
            DataCategories = draft.DataCategories,
            DataSubjectCategories = draft.DataSubjectCategories,
            Type = draft.Type ?? IncidentType.Unknown,
            Impact = draft.Impact ?? CiaImpact.None,
            MeasuresBefore = Optional(draft.MeasuresBefore),
            CreatedAtUtc = now,
            UpdatedAtUtc = now,
        };
        db.Incidents.Add(incident);
        await audit.SaveChangesAsync(db, AuditActions.IncidentCreated, cancellationToken);

        // Added once the incident has its id, so the audit entry of the event names the right incident.
        db.TimelineEvents.Add(AutomaticEvents.Create(incident.Id, TimelineEventKind.Record, now, IncidentRecordText.Registered,
            IncidentRecordText.RegisteredDescription(reference, draft.Source), user.Name));
        await audit.SaveChangesAsync(db, cancellationToken: cancellationToken);
        if (alsoRecord is not null)
        {
            await alsoRecord(db, incident, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        await feed.PublishAsync(ChangeKind.Incident, incident.Id, user, time, cancellationToken: cancellationToken);
        return Result.Success(new RegisteredIncident(incident.Id, reference));
    }

    private static FieldErrors Validate(
        IncidentFormModel draft, DateTime now, out DateTime reportedAtUtc, out PartialDate? discovered, out DateTime knowledgeAtUtc)
    {
        var errors = new FieldErrors();
        reportedAtUtc = default;
        discovered = null;
        knowledgeAtUtc = default;

        Text(errors, IntakeField.Title, draft.Title, MaxTitle, required: true);
        Text(errors, IntakeField.Summary, draft.Summary, MaxSummary, required: true);
        Text(errors, IntakeField.ReporterName, draft.ReporterName, MaxReporterField, required: false);
        Text(errors, IntakeField.ReporterOrganisation, draft.ReporterOrganisation, MaxReporterField, required: false);
        Text(errors, IntakeField.ReporterContact, draft.ReporterContact, MaxReporterField, required: false);
        Text(errors, IntakeField.AffectedSystems, draft.AffectedSystems, MaxAffectedSystems, required: false);
        Text(errors, IntakeField.MeasuresBefore, draft.MeasuresBefore, Incident.MeasuresBeforeMax, required: false);
        if (draft.Type is { } type && !Enum.IsDefined(type))
        {
            errors.Add(IntakeField.Type, IntakeError.Unknown);
        }

        if (!Enum.IsDefined(draft.Source))
        {
            errors.Add(IntakeField.Source, IntakeError.Unknown);
        }

        if (!Enum.IsDefined(draft.Severity))
        {
            errors.Add(IntakeField.Severity, IntakeError.Unknown);
        }

        var reported = Moment(errors, IntakeField.ReportedAt, draft.ReportedAtLocal, now, required: true);
        if (reported is { } r)
        {
            reportedAtUtc = r;
        }

        if (draft.DiscoveredAt is { } d)
        {
            if (PartialDate.Validate(d.Year, d.Month, d.Day, d.Time, d.Precision) is not null)
            {
                errors.Add(IntakeField.DiscoveredAt, IntakeError.InvalidDate);
            }
            else
            {
                var date = PartialDate.FromLocal(d.Year, d.Month, d.Day, d.Time, d.Precision);
                if (date.IsInFuture(now))
                {
                    errors.Add(IntakeField.DiscoveredAt, IntakeError.InFuture);
                }
                else if (reported is { } reportedUtc && date.Utc > reportedUtc)
                {
                    // The stored instant is the start of the known period: "March" is fine for a report in March.
                    errors.Add(IntakeField.DiscoveredAt, IntakeError.AfterReported);
                }
                else
                {
                    discovered = date;
                }
            }
        }

        if (draft.KnowledgeAtLocal is null)
        {
            knowledgeAtUtc = reportedAtUtc;
        }
        else if (Moment(errors, IntakeField.KnowledgeAt, draft.KnowledgeAtLocal, now, required: false) is { } k)
        {
            knowledgeAtUtc = k;
        }

        return errors;
    }

    private static DateTime? Moment(FieldErrors errors, string field, DateTime? local, DateTime now, bool required)
    {
        if (local is not { } value)
        {
            if (required)
            {
                errors.Add(field, IntakeError.Required);
            }

            return null;
        }

        if (value.Year is < PartialDate.MinYear or > PartialDate.MaxYear)
        {
            errors.Add(field, IntakeError.InvalidDate);
            return null;
        }

        // Kept to the second: a client that sends back the time it read (from any engine) changes nothing.
        var date = PartialDate.FromLocal(value.Year, value.Month, value.Day, new TimeOnly(value.Hour, value.Minute, value.Second), TimePrecision.Exact);
        if (date.IsInFuture(now))
        {
            errors.Add(field, IntakeError.InFuture);
            return null;
        }

        return date.Utc;
    }

    private static void Text(FieldErrors errors, string field, string? value, int max, bool required) =>
        FieldRules.Text(errors, field, value, max, required);

    private static string? Optional(string? value) => FieldRules.Optional(value);
}
