using System.Globalization;
using IncidentDesk.Core.Compliance;

namespace IncidentDesk.Core.Tests.Compliance;

/// <summary>
/// Each year's calendar against the federal government's published one (the yearly Portaria listing national holidays
/// and optional days): every date written out, so a wrong computus or a forgotten holiday shows as a date, not a count.
/// </summary>
public sealed class PublishedCalendarTests
{
    // year → national holidays (New Year, Good Friday, Tiradentes, Labour, Independence, Aparecida, All Souls, Republic,
    // Black Consciousness, Christmas) and the full-day optional days (Carnival Mon/Tue, Corpus Christi, Public Servants).
    public static TheoryData<int, string, string> Published => new()
    {
        { 2024, "2024-01-01 2024-03-29 2024-04-21 2024-05-01 2024-09-07 2024-10-12 2024-11-02 2024-11-15 2024-11-20 2024-12-25",
                "2024-02-12 2024-02-13 2024-05-30 2024-10-28" },
        { 2025, "2025-01-01 2025-04-18 2025-04-21 2025-05-01 2025-09-07 2025-10-12 2025-11-02 2025-11-15 2025-11-20 2025-12-25",
                "2025-03-03 2025-03-04 2025-06-19 2025-10-28" },
        { 2026, "2026-01-01 2026-04-03 2026-04-21 2026-05-01 2026-09-07 2026-10-12 2026-11-02 2026-11-15 2026-11-20 2026-12-25",
                "2026-02-16 2026-02-17 2026-06-04 2026-10-28" },
        { 2027, "2027-01-01 2027-03-26 2027-04-21 2027-05-01 2027-09-07 2027-10-12 2027-11-02 2027-11-15 2027-11-20 2027-12-25",
                "2027-02-08 2027-02-09 2027-05-27 2027-10-28" },
        { 2028, "2028-01-01 2028-04-14 2028-04-21 2028-05-01 2028-09-07 2028-10-12 2028-11-02 2028-11-15 2028-11-20 2028-12-25",
                "2028-02-28 2028-02-29 2028-06-15 2028-10-28" },
        { 2029, "2029-01-01 2029-03-30 2029-04-21 2029-05-01 2029-09-07 2029-10-12 2029-11-02 2029-11-15 2029-11-20 2029-12-25",
                "2029-02-12 2029-02-13 2029-05-31 2029-10-28" },
        { 2030, "2030-01-01 2030-04-19 2030-04-21 2030-05-01 2030-09-07 2030-10-12 2030-11-02 2030-11-15 2030-11-20 2030-12-25",
                "2030-03-04 2030-03-05 2030-06-20 2030-10-28" },
    };

    private static DateOnly[] Days(string list) =>
        [.. list.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(d => DateOnly.Parse(d, CultureInfo.InvariantCulture))];

    [Theory]
    [MemberData(nameof(Published))]
    public void National_holidays_are_exactly_the_published_ones(int year, string national, string optional)
    {
        _ = optional;
        Assert.Equal(Days(national), BrazilianHolidays.National(year).Select(h => h.Date).Order());
    }

    [Theory]
    [MemberData(nameof(Published))]
    public void Full_day_optional_days_are_exactly_the_published_ones(int year, string national, string optional)
    {
        _ = national;
        var fullDays = BrazilianHolidays.FederalOptional(year).Where(h => h.Kind == HolidayKind.OptionalFullDay).Select(h => h.Date).Order();

        Assert.Equal(Days(optional), fullDays);
    }

    [Theory]
    [MemberData(nameof(Published))]
    public void National_holidays_stop_the_clock_in_both_modes_and_optional_days_only_in_the_defensible_one(
        int year, string national, string optional)
    {
        var calendar = BusinessCalendar.Default;
        foreach (var day in Days(national).Where(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)))
        {
            Assert.False(calendar.IsBusinessDay(day, DeadlineMode.Working), $"{day} {year}");
            Assert.False(calendar.IsBusinessDay(day, DeadlineMode.LatestDefensible), $"{day} {year}");
        }

        foreach (var day in Days(optional).Where(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)))
        {
            Assert.True(calendar.IsBusinessDay(day, DeadlineMode.Working), $"{day} {year}");
            Assert.Equal(DayStatus.OptionalDay, calendar.StatusOf(day, DeadlineMode.LatestDefensible));
        }
    }

    [Fact]
    public void Every_holiday_of_2024_to_2030_has_a_name_and_kind_the_calendar_page_can_word()
    {
        var all = Enumerable.Range(2024, 7).SelectMany(y => BrazilianHolidays.National(y).Concat(BrazilianHolidays.FederalOptional(y))).ToList();

        Assert.All(all, h => Assert.True(Enum.IsDefined(h.Name) && Enum.IsDefined(h.Kind)));
        Assert.Equal(7 * 16, all.Count);
    }
}
