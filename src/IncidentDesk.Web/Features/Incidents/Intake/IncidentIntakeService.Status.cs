using System.Globalization;

using IncidentDesk.Core.Common;
using IncidentDesk.Core.Incidents;
using IncidentDesk.Core.Timeline;
using IncidentDesk.Web.Features.Audit;
using IncidentDesk.Web.Features.Incidents.Intake;
using IncidentDesk.Web.Features.Live;
using IncidentDesk.Web.Outcomes;

using Microsoft.EntityFrameworkCore;

namespace IncidentDesk.Web.Features.Incidents.Intake;

/// <summary>Correcting an incident's details after intake: same rules as intake; reference and status never change here.</summary>
public sealed partial class IncidentIntakeService
{
    /// <summary>The incident's details as the intake form holds them (Brasília wall-clock times), for officers.</summary>
    public async Task<Result<IncidentFormModel>> GetDraftAsync(int incidentId, CancellationToken cancellationToken = default)
    {
        if (await audit.ForbiddenUnlessAsync(user.IsOfficer, nameof(Incident), incidentId.ToString(CultureInfo.InvariantCulture), cancellationToken) is { } forbidden)
        {
            return forbidden;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var incident = await db.Incidents.AsNoTracking().FirstOrDefaultAsync(i => i.Id == incidentId, cancellationToken);
        return incident is null ? Result.NotFound() : Result.Success(DraftOf(incident));
    }

    /// <summary>
    /// Validates the draft exactly as intake does and saves what changed, with an automatic timeline event naming the
    /// changed fields (the audit trail keeps before and after). A draft without a knowledge time keeps the current one:
    /// that time starts the legal clock, so it never moves by omission.
    /// With <paramref name="basis"/> (the details as the form opened them), only the fields the officer changed are
    /// written over what others saved meanwhile; a field both changed is <see cref="Result.ChangedSinceRead"/> with an
    /// <see cref="IncidentEditConflict"/>, and nothing is saved. Without it (the API's full replacement) the draft is the
    /// whole new record. The value is the pt-BR names of the fields that changed (empty when none did).
    /// </summary>
    public async Task<Result<IReadOnlyList<string>>> UpdateAsync(
        int incidentId, IncidentFormModel draft, IncidentFormModel? basis = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (await audit.ForbiddenUnlessAsync(user.IsOfficer, nameof(Incident), incidentId.ToString(CultureInfo.InvariantCulture), cancellationToken) is { } forbidden)
        {
            return forbidden;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // Read, compare and write under the audit writer: no other audited save (in this process or, on PostgreSQL, in
        // another instance) can land between the comparison with the basis and the write.
        await using var transaction = await audit.BeginTransactionAsync(db, cancellationToken);
        var incident = await db.Incidents.FirstOrDefaultAsync(i => i.Id == incidentId, cancellationToken);
        if (incident is null)
        {
            return Result.NotFound();
        }

        var before = DraftOf(incident);
        if (basis is not null)
        {
            var merge = IncidentFormFields.Merge(basis, draft, before);
            if (merge.Merged is null)
            {
                var changedBy = await db.TimelineEvents.AsNoTracking()
                    .Where(e => e.IncidentId == incidentId && e.Kind == TimelineEventKind.Record)
                    .OrderByDescending(e => e.Id).Select(e => e.RecordedBy).FirstOrDefaultAsync(cancellationToken);
                return Result.ChangedSinceRead(IncidentEditConflict.MessageKey,
                    new IncidentEditConflict(merge.Conflicts, before, changedBy, incident.UpdatedAtUtc));
            }

            draft = merge.Merged;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var errors = Validate(draft, now, out var reportedAtUtc, out var discovered, out var knowledgeAtUtc);
        if (errors.Count > 0)
        {
            return errors.ToFailure();
        }

        incident.Title = draft.Title.Trim();
        incident.Summary = draft.Summary.Trim();
        incident.Severity = draft.Severity;
        incident.Source = draft.Source;
        incident.ReporterName = Optional(draft.ReporterName);
        incident.ReporterOrganisation = Optional(draft.ReporterOrganisation);
        incident.ReporterContact = Optional(draft.ReporterContact);
        incident.ReportedAtUtc = reportedAtUtc;
        incident.DiscoveredAtUtc = discovered?.Utc;
        incident.DiscoveredAtPrecision = discovered?.Precision ?? TimePrecision.Exact;
        if (draft.KnowledgeAtLocal is not null)
        {
            incident.KnowledgeAtUtc = knowledgeAtUtc;
        }

        incident.AffectedSystems = draft.AffectedSystems?.Trim() ?? "";
        incident.DataCategories = draft.DataCategories;
        incident.DataSubjectCategories = draft.DataSubjectCategories;
        incident.Type = draft.Type ?? incident.Type;
        incident.Impact = draft.Impact ?? incident.Impact;
        incident.MeasuresBefore = draft.MeasuresBefore is null ? incident.MeasuresBefore : Optional(draft.MeasuresBefore);

        var changed = IncidentRecordText.ChangedFields(before, DraftOf(incident));
        if (changed.Count == 0)
        {
            return Result.Success(changed);
        }

        incident.UpdatedAtUtc = now;
        db.TimelineEvents.Add(AutomaticEvents.Create(incident.Id, TimelineEventKind.Record, now, IncidentRecordText.Updated,
            IncidentRecordText.UpdatedDescription(changed), user.Name));
        await audit.SaveChangesAsync(db, AuditActions.IncidentEdited, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await feed.PublishAsync(ChangeKind.Incident, incident.Id, user, time, cancellationToken: cancellationToken);
        return Result.Success(changed);
    }

    private static IncidentFormModel DraftOf(Incident incident)
    {
        PartialDateInput? discovered = null;
        if (incident.DiscoveredAtUtc is { } utc)
        {
            var local = BrasiliaTimeOf(utc);
            discovered = incident.DiscoveredAtPrecision switch
            {
                TimePrecision.Month => new PartialDateInput(local.Year, local.Month, null, null, TimePrecision.Month),
                TimePrecision.Day => new PartialDateInput(local.Year, local.Month, local.Day, null, TimePrecision.Day),
                _ => new PartialDateInput(local.Year, local.Month, local.Day, TimeOnly.FromDateTime(local), TimePrecision.Exact),
            };
        }

        return new IncidentFormModel
        {
            Source = incident.Source,
            ReporterName = incident.ReporterName,
            ReporterOrganisation = incident.ReporterOrganisation,
            ReporterContact = incident.ReporterContact,
            ReportedAtLocal = BrasiliaTimeOf(incident.ReportedAtUtc),
            DiscoveredAt = discovered,
            KnowledgeAtLocal = BrasiliaTimeOf(incident.KnowledgeAtUtc),
            Title = incident.Title,
            Summary = incident.Summary,
            AffectedSystems = incident.AffectedSystems,
            DataCategories = incident.DataCategories,
            DataSubjectCategories = incident.DataSubjectCategories,
            Severity = incident.Severity,
            Type = incident.Type,
            Impact = incident.Impact,
            MeasuresBefore = incident.MeasuresBefore,
        };
    }

    private static DateTime BrasiliaTimeOf(DateTime utc) => DateTime.SpecifyKind(utc + PartialDate.BrasiliaOffset, DateTimeKind.Unspecified);
}
