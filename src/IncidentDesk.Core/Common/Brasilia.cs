namespace IncidentDesk.Core.Common;

/// <summary>Calendar days in Brasília time, where every legal and task deadline is counted (UTC−3 all year since 2019).</summary>
public static class Brasilia
{
    /// <summary>The Brasília calendar day of a UTC instant.</summary>
    public static DateOnly Day(DateTime utc) => DateOnly.FromDateTime(utc + PartialDate.BrasiliaOffset);

    /// <summary>The UTC instant at which a Brasília day begins.</summary>
    public static DateTime StartOfDayUtc(DateOnly day) =>
        DateTime.SpecifyKind(day.ToDateTime(TimeOnly.MinValue) - PartialDate.BrasiliaOffset, DateTimeKind.Utc);

    /// <summary>The first instant after a Brasília day (its midnight), in UTC: a deadline "on" that day runs until then.</summary>
    public static DateTime EndOfDayUtc(DateOnly day) => StartOfDayUtc(day.AddDays(1));
}
