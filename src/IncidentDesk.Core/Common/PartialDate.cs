using System.Globalization;

namespace IncidentDesk.Core.Common;

/// <summary>Why a date as entered cannot be a <see cref="PartialDate"/>; the UI words each in the user's language.</summary>
public enum PartialDateProblem
{
    YearOutOfRange = 1,
    InvalidMonth = 2,

    /// <summary>The day is missing where the precision needs it, or is not a day of that month (31 April, 29 Feb 2025).</summary>
    InvalidDay = 3,

    /// <summary>Exact precision without a time of day.</summary>
    TimeRequired = 4,

    /// <summary>A day or time was given that the precision says is not known (a day for a month-precision date).</summary>
    MoreDetailThanPrecision = 5,
}

/// <summary>
/// A moment known only as precisely as the sources allow: an exact time, a day, or just a month
/// ("the co-op system says it found the problem in March"). Entered in Brasília time, stored as a UTC
/// instant: the first instant of the known period, so sorting by <see cref="Utc"/> keeps the timeline in order.
/// </summary>
public sealed record PartialDate
{
    /// <summary>
    /// Brasília time is UTC−3 all year: Brazil abolished daylight saving in 2019 (Decreto 9.772/2019). A fixed
    /// offset keeps Core free of the OS time-zone database, so a date reads the same on every server. The
    /// price: exact times before 2019 that fell in the old summer time are one hour off. The legal clock
    /// counts in Brasília time for co-ops in every UF, so the other Brazilian zones do not apply here.
    /// </summary>
    public static readonly TimeSpan BrasiliaOffset = TimeSpan.FromHours(-3);

    public const int MinYear = 1900;
    public const int MaxYear = 2100;

    private PartialDate(DateTime utc, TimePrecision precision)
    {
        Utc = utc;
        Precision = precision;
    }

    /// <summary>The instant stored: the first moment of the known period, as UTC.</summary>
    public DateTime Utc { get; }

    public TimePrecision Precision { get; }

    /// <summary>The Brasília wall-clock time of <see cref="Utc"/>.</summary>
    public DateTime Local => DateTime.SpecifyKind(Utc + BrasiliaOffset, DateTimeKind.Unspecified);

    /// <summary>Null when the parts make a date at that precision; otherwise the first thing wrong.</summary>
    public static PartialDateProblem? Validate(int year, int month, int? day, TimeOnly? time, TimePrecision precision)
    {
        if (year is < MinYear or > MaxYear)
        {
            return PartialDateProblem.YearOutOfRange;
        }

        if (month is < 1 or > 12)
        {
            return PartialDateProblem.InvalidMonth;
        }

        bool needsDay = precision is TimePrecision.Exact or TimePrecision.Day;
        if (needsDay && (day is null || day < 1 || day > DateTime.DaysInMonth(year, month)))
        {
            return PartialDateProblem.InvalidDay;
        }

        return precision switch
        {
            TimePrecision.Exact when time is null => PartialDateProblem.TimeRequired,
            TimePrecision.Exact => null,
            TimePrecision.Day when time is not null => PartialDateProblem.MoreDetailThanPrecision,
            TimePrecision.Day => null,
            TimePrecision.Month when day is not null || time is not null => PartialDateProblem.MoreDetailThanPrecision,
            TimePrecision.Month => null,
            _ => throw new ArgumentOutOfRangeException(nameof(precision), precision, "Unknown precision."),
        };
    }

    /// <summary>
    /// Builds a date from the parts entered in Brasília time. Day precision is stored as Brasília midnight of
    /// that day, month precision as Brasília midnight of the 1st, both 03:00 UTC.
    /// </summary>
    /// <exception cref="ArgumentException">The parts fail <see cref="Validate"/>.</exception>
    public static PartialDate FromLocal(int year, int month, int? day, TimeOnly? time, TimePrecision precision)
    {
        PartialDateProblem? problem = Validate(year, month, day, time, precision);
        if (problem is not null)
        {
            throw new ArgumentException($"Not a valid {precision}-precision date: {problem}.", nameof(precision));
        }

        var local = new DateTime(new DateOnly(year, month, day ?? 1), time ?? TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new PartialDate(DateTime.SpecifyKind(local - BrasiliaOffset, DateTimeKind.Utc), precision);
    }

    /// <summary>
    /// Rebuilds a date from storage (an unspecified kind, as databases return it, is taken as UTC). A stored
    /// instant that is not the start of its period (written by hand, or before the precision was coarsened)
    /// is moved to the start of its Brasília day or month.
    /// </summary>
    public static PartialDate FromUtc(DateTime utc, TimePrecision precision)
    {
        if (utc.Kind == DateTimeKind.Local)
        {
            throw new ArgumentException("Expected a UTC time, got a local one.", nameof(utc));
        }

        if (utc.Year is < MinYear or > MaxYear)
        {
            throw new ArgumentOutOfRangeException(nameof(utc), utc, $"Expected a year from {MinYear} to {MaxYear}.");
        }

        DateTime local = utc + BrasiliaOffset;
        return precision switch
        {
            TimePrecision.Exact => new PartialDate(DateTime.SpecifyKind(utc, DateTimeKind.Utc), precision),
            TimePrecision.Day => FromLocal(local.Year, local.Month, local.Day, null, precision),
            TimePrecision.Month => FromLocal(local.Year, local.Month, null, null, precision),
            _ => throw new ArgumentOutOfRangeException(nameof(precision), precision, "Unknown precision."),
        };
    }

    /// <summary>
    /// True when the whole known period lies after <paramref name="utcNow"/>: a month-precision date in the
    /// current Brasília month, or a day-precision date today, is not in the future. Because the stored instant
    /// is the first moment of the period, that is the stored instant being later than now.
    /// </summary>
    public bool IsInFuture(DateTime utcNow)
    {
        if (utcNow.Kind == DateTimeKind.Local)
        {
            throw new ArgumentException("Expected a UTC time, got a local one.", nameof(utcNow));
        }

        return Utc > utcNow;
    }

    /// <summary>Brasília time at the known precision: <c>2026-03</c>, <c>2026-03-07</c>, <c>2026-03-07 14:30</c>.</summary>
    public override string ToString()
    {
        string format = Precision switch
        {
            TimePrecision.Month => "yyyy-MM",
            TimePrecision.Day => "yyyy-MM-dd",
            _ => Local.Second == 0 && Local.Millisecond == 0 ? "yyyy-MM-dd HH:mm" : "yyyy-MM-dd HH:mm:ss",
        };
        return Local.ToString(format, CultureInfo.InvariantCulture);
    }
}
