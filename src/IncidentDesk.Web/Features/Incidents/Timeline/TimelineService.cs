using System.Globalization;
using IncidentDesk.Core.Common;
using IncidentDesk.Core.Incidents;
using IncidentDesk.Core.Timeline;
using IncidentDesk.Data;
using IncidentDesk.Web.Features.Audit;
using IncidentDesk.Web.Features.Live;
using IncidentDesk.Web.Security;
using Microsoft.EntityFrameworkCore;
using IncidentDesk.Data.Audit;
using IncidentDesk.Web.Outcomes;

namespace IncidentDesk.Web.Features.Incidents.Timeline;

/// <summary>
/// The incident's timeline: manual events written by officers (facts and team actions) beside the desk's automatic
/// ones. Only officers write, and only manual events: automatic events are the desk's own record and never change.
/// Which incidents and events a person reads is the query filters' decision (a liaison: the incidents their co-op takes
/// part in, and only the events shared with co-ops). Every write goes through <see cref="AuditLog"/>, which is also
/// where a manual event's earlier versions are kept.
/// </summary>
public sealed class TimelineService(IDbContextFactory<IncidentDeskDbContext> dbFactory, CurrentUser user, AuditLog audit, TimeProvider time, IChangeFeed feed)
{
    /// <summary>
    /// Adds a fact or action to an incident's timeline (at the precision the sources allow; officers only); the new
    /// event's id. Refusals store nothing.
    /// </summary>
    public async Task<Result<int>> AddEventAsync(int incidentId, ManualEventInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (await audit.ForbiddenUnlessAsync(user.IsOfficer, nameof(Incident), Id(incidentId), cancellationToken) is { } forbidden)
        {
            return forbidden;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var errors = Validate(input, now, out var occurred);

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Incidents.AnyAsync(i => i.Id == incidentId, cancellationToken))
        {
            return Result.NotFound();
        }

        if (errors.Count > 0 || occurred is null)
        {
            return errors.ToFailure();
        }

        var entry = new TimelineEvent
        {
            IncidentId = incidentId,
            Title = "",
            Source = "",
            RecordedAtUtc = now,
            RecordedBy = user.Name,
        };
        Apply(entry, input, occurred);
        db.TimelineEvents.Add(entry);
        await audit.SaveChangesAsync(db, AuditActions.TimelineEventCreated, cancellationToken);
        await feed.PublishAsync(ChangeKind.Timeline, entry.IncidentId, user, time, entry.Id, cancellationToken: cancellationToken);
        return Result.Success(entry.Id);
    }

    /// <summary>
    /// Rewrites a manual event (same rules as adding; officers only). The previous version stays in the audit trail and
    /// the event is marked as edited by whom and when. An automatic event is a conflict coded <see cref="TimelineError.Immutable"/>.
    /// </summary>
    public async Task<Result> UpdateEventAsync(int eventId, ManualEventInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (await audit.ForbiddenUnlessAsync(user.IsOfficer, nameof(TimelineEvent), Id(eventId), cancellationToken) is { } forbidden)
        {
            return forbidden;
        }

        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var entry = await db.TimelineEvents.FirstOrDefaultAsync(e => e.Id == eventId, cancellationToken);
        if (entry is null)
        {
            return Result.NotFound();
        }

        // Checked before validation: no wording of the input can make the desk's own record editable.
        if (!entry.Kind.IsManual())
        {
            return Result.ConflictWith(TimelineError.Immutable, "Error.Immutable");
        }

        var errors = Validate(input, now, out var occurred);
        if (errors.Count > 0 || occurred is null)
        {
            return errors.ToFailure();
        }

        Apply(entry, input, occurred);
        if (!db.Entry(entry).Properties.Any(p => p.IsModified))
        {
            return Result.Success(); // nothing changed: no edit mark, no audit line
        }

        entry.EditedAtUtc = now;
        entry.EditedBy = user.Name;
        await audit.SaveChangesAsync(db, AuditActions.TimelineEventUpdated, cancellationToken);
        await feed.PublishAsync(ChangeKind.Timeline, entry.IncidentId, user, time, entry.Id, cancellationToken: cancellationToken);
        return Result.Success();
    }

    /// <summary>
    /// The incident's timeline, oldest first, as the caller may see it and narrowed by <paramref name="filter"/>;
    /// null (and an audited denial when it exists) for an incident the caller may not see. The one way to read a timeline:
    /// the incident page, the API, exports and notification drafts all read it here.
    /// </summary>
    public async Task<TimelineListing?> ListAsync(int incidentId, TimelineFilter? filter = null, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var incident = await db.Incidents.AsNoTracking().Where(i => i.Id == incidentId)
            .Select(i => new { i.Reference, i.Title }).FirstOrDefaultAsync(cancellationToken);
        if (incident is null)
        {
            await audit.DeniedIfExistsAsync<Incident>(incidentId, cancellationToken);

            return null;
        }

        // The query filter leaves a liaison the events shared with co-ops only.
        var events = await db.TimelineEvents.AsNoTracking().Where(e => e.IncidentId == incidentId).ToListAsync(cancellationToken);
        filter ??= TimelineFilter.All;
        var items = events.OrderBy(e => e.OccurredAtUtc).ThenBy(e => e.Id).Select(Item).Where(filter.Matches).ToList();
        return new TimelineListing(incidentId, incident.Reference, incident.Title, items);
    }

    /// <summary>
    /// The timeline for a download. A read like <see cref="ListAsync"/>, but the export itself is written to the audit
    /// trail: the file may leave the desk with personal data, and who took what must be answerable later.
    /// </summary>
    public async Task<TimelineListing?> ExportAsync(int incidentId, TimelineFilter filter, string format, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var listing = await ListAsync(incidentId, filter, cancellationToken);
        if (listing is not null)
        {
            var kinds = filter.Kinds is { Count: > 0 } k ? string.Join(",", k.Order()) : "all";
            await audit.AppendAsync(new AuditRecord(AuditActions.Exported, nameof(Incident), Id(incidentId),
                $"timeline {format}: {listing.Items.Count} events; kinds={kinds}; source={filter.Source ?? "all"}"), cancellationToken: cancellationToken);
        }

        return listing;
    }

    /// <summary>
    /// Every version of a manual event, oldest first, rebuilt from the audit trail. Officers and auditors only (a
    /// liaison may see today's shared text, not what it said before it was shared); null when there is no such event
    /// or the caller may not read it (audited).
    /// </summary>
    public async Task<IReadOnlyList<TimelineEventVersion>?> HistoryAsync(int eventId, CancellationToken cancellationToken = default)
    {
        var id = Id(eventId);
        if (!user.IsOfficerOrAuditor)
        {
            await audit.DeniedAsync(nameof(TimelineEvent), id, cancellationToken);
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var entries = await db.AuditEntries.AsNoTracking()
            .Where(e => e.EntityType == nameof(TimelineEvent) && e.EntityId == id
                && (e.Action == AuditActions.TimelineEventCreated || e.Action == AuditActions.TimelineEventUpdated))
            .OrderBy(e => e.Sequence)
            .Select(e => new TimelineAuditEntry(e.Action, e.AtUtc, e.ActorName, e.Changes))
            .ToListAsync(cancellationToken);
        var current = await db.TimelineEvents.AsNoTracking().FirstOrDefaultAsync(e => e.Id == eventId, cancellationToken);
        return current is null && entries.Count == 0 ? null : TimelineHistory.Versions(entries, current);
    }

    internal static TimelineItem Item(TimelineEvent e) => new(e.Id, e.OccurredAtUtc, e.Precision, e.Title, e.Description, e.Source,
        e.Kind, e.SharedWithCoops, e.RecordedAtUtc, e.RecordedBy, e.EditedAtUtc, e.EditedBy);

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    private static void Apply(TimelineEvent entry, ManualEventInput input, PartialDate occurred)
    {
        entry.OccurredAtUtc = occurred.Utc;
        entry.Precision = occurred.Precision;
        entry.Title = input.Title!.Trim();
        entry.Description = FieldRules.Optional(input.Description);
        entry.Source = input.Source!.Trim();
        entry.Kind = input.Kind;
        entry.SharedWithCoops = input.SharedWithCoops;
    }

    private static FieldErrors Validate(ManualEventInput input, DateTime now, out PartialDate? occurred)
    {
        var errors = new FieldErrors();
        FieldRules.Text(errors, TimelineField.Title, input.Title, ManualEventLimits.Title, required: true);
        FieldRules.Text(errors, TimelineField.Description, input.Description, ManualEventLimits.Description, required: false);
        FieldRules.Text(errors, TimelineField.Source, input.Source, ManualEventLimits.Source, required: true);
        if (!Enum.IsDefined(input.Kind) || !input.Kind.IsManual())
        {
            errors.Add(TimelineField.Kind, TimelineError.NotManualKind);
        }

        occurred = null;
        if (input.OccurredAt is not { } d)
        {
            errors.Add(TimelineField.OccurredAt, TimelineError.Required);
        }
        else if (!Enum.IsDefined(d.Precision) || PartialDate.Validate(d.Year, d.Month, d.Day, d.Time, d.Precision) is not null)
        {
            errors.Add(TimelineField.OccurredAt, TimelineError.InvalidDate);
        }
        else
        {
            occurred = PartialDate.FromLocal(d.Year, d.Month, d.Day, d.Time, d.Precision);
            if (occurred.IsInFuture(now))
            {
                errors.Add(TimelineField.OccurredAt, TimelineError.InFuture);
                occurred = null;
            }
        }

        return errors;
    }
}
