using System.Globalization;
using IncidentDesk.Core.Common;
using IncidentDesk.Core.Incidents;
using IncidentDesk.Core.Timeline;
using IncidentDesk.Data;
using IncidentDesk.Web.Features.Audit;
using IncidentDesk.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace IncidentDesk.Web.Features.Incidents.Timeline;

/// <summary>
/// The incident's timeline: manual events written by officers (facts and actions) beside the desk's automatic ones.
/// Only officers write; every write goes through <see cref="AuditLog"/>.
/// </summary>
public sealed class TimelineService(IDbContextFactory<IncidentDeskDbContext> dbFactory, CurrentUser user, AuditLog audit, TimeProvider time)
{
    /// <summary>Adds a fact to an incident's timeline (at the precision the sources allow); refusals store nothing.</summary>
    /// <exception cref="UnauthorizedAccessException">The current user is not a privacy officer.</exception>
    public async Task<ManualEventResult> AddEventAsync(int incidentId, ManualEventInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        await audit.DemandAsync(user.IsOfficer, nameof(Incident), incidentId.ToString(CultureInfo.InvariantCulture), cancellationToken);

        var now = time.GetUtcNow().UtcDateTime;
        var errors = Validate(input, now, out var occurred);

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Incidents.AnyAsync(i => i.Id == incidentId, cancellationToken))
        {
            return new ManualEventResult(null, errors, NotFound: true);
        }

        if (errors.Count > 0 || occurred is null)
        {
            return new ManualEventResult(null, errors);
        }

        var entry = new TimelineEvent
        {
            IncidentId = incidentId,
            OccurredAtUtc = occurred.Utc,
            Precision = occurred.Precision,
            Title = input.Title!.Trim(),
            Description = FieldRules.Optional(input.Description),
            Source = input.Source!.Trim(),
            Kind = TimelineEventKind.Fact,
            SharedWithCoops = input.SharedWithCoops,
            RecordedAtUtc = now,
            RecordedBy = user.Name,
        };
        db.TimelineEvents.Add(entry);
        await audit.SaveChangesAsync(db, cancellationToken: cancellationToken);
        return new ManualEventResult(entry.Id, errors);
    }

    private static Dictionary<string, string> Validate(ManualEventInput input, DateTime now, out PartialDate? occurred)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        FieldRules.Text(errors, TimelineField.Title, input.Title, ManualEventLimits.Title, required: true);
        FieldRules.Text(errors, TimelineField.Description, input.Description, ManualEventLimits.Description, required: false);
        FieldRules.Text(errors, TimelineField.Source, input.Source, ManualEventLimits.Source, required: true);
        occurred = null;
        if (input.OccurredAt is not { } d)
        {
            errors[TimelineField.OccurredAt] = TimelineError.Required;
        }
        else if (!Enum.IsDefined(d.Precision) || PartialDate.Validate(d.Year, d.Month, d.Day, d.Time, d.Precision) is not null)
        {
            errors[TimelineField.OccurredAt] = TimelineError.InvalidDate;
        }
        else
        {
            occurred = PartialDate.FromLocal(d.Year, d.Month, d.Day, d.Time, d.Precision);
            if (occurred.IsInFuture(now))
            {
                errors[TimelineField.OccurredAt] = TimelineError.InFuture;
                occurred = null;
            }
        }

        return errors;
    }
}
