namespace IncidentDesk.Core.Compliance;

/// <summary>
/// Which days stop the clock. The law is unsettled on optional days (see lgpd-incident-rules.md, "Uncertain points"),
/// so every deadline is computed both ways and shown side by side.
/// </summary>
public enum DeadlineMode
{
    /// <summary>Strict: only weekends and national holidays are skipped — the earliest date, the one the desk plans against.</summary>
    Working,

    /// <summary>Official: also skips full optional days and officer-configured closures; a deadline never ends on an early-closing afternoon.</summary>
    LatestDefensible,
}

/// <summary>A day the authority's offices were closed beyond the national calendar (e.g. a local holiday at its seat).</summary>
public sealed record Closure(DateOnly Date, string Reason);

/// <summary>Why a day is or is not a business day in a mode.</summary>
public enum DayStatus
{
    Business,
    Weekend,
    NationalHoliday,
    OptionalDay,
    Closure,
}

/// <summary>
/// Business-day arithmetic in Brasília time (R1 art. 8; Lei 9.784/1999 art. 66): the start day is excluded, the last day
/// included, and a deadline falling on a non-business day moves to the next business day.
/// </summary>
public sealed class BusinessCalendar
{
    private readonly Dictionary<int, Dictionary<DateOnly, Holiday>> _years = [];
    private readonly HashSet<DateOnly> _closures;
    private readonly Lock _gate = new();

    public BusinessCalendar(IEnumerable<Closure>? closures = null) =>
        _closures = [.. (closures ?? []).Select(c => c.Date)];

    /// <summary>The calendar with no configured closures.</summary>
    public static BusinessCalendar Default { get; } = new();

    public DayStatus StatusOf(DateOnly day, DeadlineMode mode)
    {
        if (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            return DayStatus.Weekend;
        }

        var holiday = HolidayOn(day);
        if (holiday?.Kind == HolidayKind.National)
        {
            return DayStatus.NationalHoliday;
        }

        if (mode == DeadlineMode.LatestDefensible)
        {
            if (holiday?.Kind == HolidayKind.OptionalFullDay)
            {
                return DayStatus.OptionalDay;
            }

            if (_closures.Contains(day))
            {
                return DayStatus.Closure;
            }
        }

        return DayStatus.Business;
    }

    public bool IsBusinessDay(DateOnly day, DeadlineMode mode) => StatusOf(day, mode) == DayStatus.Business;

    /// <summary>The national holiday or optional day on a date, if any.</summary>
    public Holiday? HolidayOn(DateOnly day) => Year(day.Year).GetValueOrDefault(day);

    /// <summary>
    /// The <paramref name="businessDays"/>-th business day after <paramref name="start"/> (which itself never counts,
    /// business day or not). In <see cref="DeadlineMode.LatestDefensible"/> a deadline landing on an early-closing
    /// afternoon (24 or 31 Dec) moves to the next business day (Lei 9.784/1999 art. 66 §1).
    /// </summary>
    public DateOnly AddBusinessDays(DateOnly start, int businessDays, DeadlineMode mode)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(businessDays);
        var day = start;
        for (var counted = 0; counted < businessDays;)
        {
            day = day.AddDays(1);
            if (IsBusinessDay(day, mode))
            {
                counted++;
            }
        }

        while (mode == DeadlineMode.LatestDefensible && (!IsBusinessDay(day, mode) || ClosesEarly(day)))
        {
            day = day.AddDays(1);
        }

        return day;
    }

    /// <summary>Business days after <paramref name="from"/> up to and including <paramref name="to"/> (0 when to ≤ from).</summary>
    public int BusinessDaysBetween(DateOnly from, DateOnly to, DeadlineMode mode)
    {
        var count = 0;
        for (var day = from.AddDays(1); day <= to; day = day.AddDays(1))
        {
            if (IsBusinessDay(day, mode))
            {
                count++;
            }
        }

        return count;
    }

    private bool ClosesEarly(DateOnly day) => HolidayOn(day)?.Kind == HolidayKind.OptionalAfternoon;

    private Dictionary<DateOnly, Holiday> Year(int year)
    {
        lock (_gate)
        {
            if (!_years.TryGetValue(year, out var days))
            {
                // A national holiday wins over an optional day on the same date (e.g. never both, but be explicit).
                days = BrazilianHolidays.FederalOptional(year).Concat(BrazilianHolidays.National(year))
                    .GroupBy(h => h.Date).ToDictionary(g => g.Key, g => g.OrderBy(h => h.Kind).First());
                _years[year] = days;
            }

            return days;
        }
    }
}
