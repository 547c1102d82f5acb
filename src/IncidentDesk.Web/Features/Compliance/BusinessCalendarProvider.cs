using IncidentDesk.Core.Compliance;
using IncidentDesk.Data;
using Microsoft.EntityFrameworkCore;

namespace IncidentDesk.Web.Features.Compliance;

/// <summary>
/// The business calendar as it is now: national holidays and optional days (computed) plus the closures officers
/// configured (stored). Deadlines are computed on every page view and API call, so the closures are read once and
/// kept until <see cref="CalendarService"/> changes them. One process holds the cache; a scaled-out deployment would
/// invalidate through the change feed.
/// </summary>
public sealed class BusinessCalendarProvider(FederationWideDb dbFactory)
{
    private readonly Lock _gate = new();
    private BusinessCalendar? _current;

    /// <summary>The current calendar; the first call after a change reads the closures (a few rows) synchronously.</summary>
    public BusinessCalendar Current
    {
        get
        {
            lock (_gate)
            {
                if (_current is null)
                {
                    using var db = dbFactory.CreateDbContext();
                    var closures = db.BusinessClosures.AsNoTracking().Select(c => new Closure(c.Date, c.Reason)).ToList();
                    _current = new BusinessCalendar(closures);
                }

                return _current;
            }
        }
    }

    /// <summary>Forgets the cached calendar after closures changed (called after the change is committed).</summary>
    public void Invalidate()
    {
        lock (_gate)
        {
            _current = null;
        }
    }
}
