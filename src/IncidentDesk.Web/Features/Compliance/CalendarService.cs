using System.Globalization;
using IncidentDesk.Core.Compliance;
using IncidentDesk.Data;
using IncidentDesk.Web.Features.Audit;
using IncidentDesk.Web.Features.Incidents;
using IncidentDesk.Web.Outcomes;
using IncidentDesk.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace IncidentDesk.Web.Features.Compliance;

/// <summary>
/// The business calendar behind every LGPD deadline: the year's national holidays and federal optional days, and the
/// extra closures officers configure (e.g. a local holiday at the authority's seat). Closures only move the
/// latest-defensible deadline (see lgpd-incident-rules.md, "Uncertain points"). Officers write; every change and every
/// refused attempt is on the audit trail.
/// </summary>
public sealed class CalendarService(
    IDbContextFactory<IncidentDeskDbContext> dbFactory, CurrentUser user, AuditLog audit, TimeProvider time, BusinessCalendarProvider calendars)
{
    private const string EntityType = nameof(BusinessClosure);

    /// <summary>The calendar deadlines are computed with right now.</summary>
    public BusinessCalendar Current => calendars.Current;

    /// <summary>The national holidays and optional days of a year, in date order (computed; nothing to authorize).</summary>
    public static IReadOnlyList<Holiday> HolidaysOf(int year) =>
        [.. BrazilianHolidays.National(year).Concat(BrazilianHolidays.FederalOptional(year)).OrderBy(h => h.Date)];

    /// <summary>The configured closures of a year (any signed-in person: they explain the deadlines everyone sees).</summary>
    public async Task<Result<IReadOnlyList<ClosureRow>>> ClosuresAsync(int year, CancellationToken cancellationToken = default)
    {
        if (await audit.ForbiddenUnlessAsync(user.IsAuthenticated, EntityType, null, cancellationToken) is { } forbidden)
        {
            return forbidden;
        }

        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return Result.Success<IReadOnlyList<ClosureRow>>(await db.BusinessClosures.AsNoTracking()
            .Where(c => c.Date >= from && c.Date <= to).OrderBy(c => c.Date)
            .Select(c => new ClosureRow(c.Id, c.Date, c.Reason, c.CreatedBy, c.CreatedAtUtc)).ToListAsync(cancellationToken));
    }

    /// <summary>
    /// Declares a Brasília day closed (officers). A day that is already never a business day (weekend, national holiday)
    /// is refused: the closure would change nothing and only blur the record.
    /// </summary>
    public async Task<Result<int>> AddAsync(DateOnly? date, string? reason, CancellationToken cancellationToken = default)
    {
        if (await audit.ForbiddenUnlessAsync(user.IsOfficer, EntityType, date?.ToString("O", CultureInfo.InvariantCulture), cancellationToken)
            is { } forbidden)
        {
            return forbidden;
        }

        if (date is not { } day)
        {
            return Result.Invalid(ClosureFields.Date, ClosureErrors.Required, "Error.Required");
        }

        var refused = new FieldErrors();
        FieldRules.Text(refused, ClosureFields.Reason, reason, BusinessClosure.ReasonMax, required: true);
        if (refused.Count > 0)
        {
            return refused.ToFailure();
        }

        var cleanReason = reason!.Trim();

        if (BusinessCalendar.Default.StatusOf(day, DeadlineMode.Working) != DayStatus.Business)
        {
            return Result.Invalid(ClosureFields.Date, ClosureErrors.NotClosable, "Error.NotClosable");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.BusinessClosures.AnyAsync(c => c.Date == day, cancellationToken))
        {
            return Result.Invalid(ClosureFields.Date, ClosureErrors.Duplicate, "Error.Duplicate");
        }

        var closure = new BusinessClosure
        {
            Date = day,
            Reason = cleanReason,
            CreatedBy = user.Name,
            CreatedAtUtc = time.GetUtcNow().UtcDateTime,
        };
        db.BusinessClosures.Add(closure);
        await audit.SaveChangesAsync(db, cancellationToken: cancellationToken);
        calendars.Invalidate();
        return Result.Success(closure.Id);
    }

    /// <summary>Removes a closure (officers); deadlines that counted on it come back in.</summary>
    public async Task<Result> RemoveAsync(int id, CancellationToken cancellationToken = default)
    {
        if (await audit.ForbiddenUnlessAsync(user.IsOfficer, EntityType, id.ToString(CultureInfo.InvariantCulture), cancellationToken) is { } forbidden)
        {
            return forbidden;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var closure = await db.BusinessClosures.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (closure is null)
        {
            return Result.NotFound();
        }

        db.BusinessClosures.Remove(closure);
        await audit.SaveChangesAsync(db, cancellationToken: cancellationToken);
        calendars.Invalidate();
        return Result.Success();
    }
}
