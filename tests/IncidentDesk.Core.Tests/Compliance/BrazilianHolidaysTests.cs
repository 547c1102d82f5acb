using System.Globalization;
using IncidentDesk.Core.Compliance;

namespace IncidentDesk.Core.Tests.Compliance;

public sealed class BrazilianHolidaysTests
{
    // Easter, Good Friday, Carnival Monday/Tuesday and Corpus Christi as published in the federal calendars
    // (Portarias MGI/ME of each year) for 2024–2030.
    public static TheoryData<int, string, string, string, string, string> MovableDays => new()
    {
        { 2024, "2024-03-31", "2024-03-29", "2024-02-12", "2024-02-13", "2024-05-30" },
        { 2025, "2025-04-20", "2025-04-18", "2025-03-03", "2025-03-04", "2025-06-19" },
        { 2026, "2026-04-05", "2026-04-03", "2026-02-16", "2026-02-17", "2026-06-04" },
        { 2027, "2027-03-28", "2027-03-26", "2027-02-08", "2027-02-09", "2027-05-27" },
        { 2028, "2028-04-16", "2028-04-14", "2028-02-28", "2028-02-29", "2028-06-15" },
        { 2029, "2029-04-01", "2029-03-30", "2029-02-12", "2029-02-13", "2029-05-31" },
        { 2030, "2030-04-21", "2030-04-19", "2030-03-04", "2030-03-05", "2030-06-20" },
    };

    [Theory]
    [MemberData(nameof(MovableDays))]
    public void Movable_days_match_the_published_calendars(
        int year, string easter, string goodFriday, string carnivalMonday, string carnivalTuesday, string corpusChristi)
    {
        Assert.Equal(DateOnly.Parse(easter, CultureInfo.InvariantCulture), BrazilianHolidays.Easter(year));
        Assert.Contains(new Holiday(DateOnly.Parse(goodFriday, CultureInfo.InvariantCulture), HolidayName.GoodFriday, HolidayKind.National),
            BrazilianHolidays.National(year));
        var optional = BrazilianHolidays.FederalOptional(year);
        Assert.Contains(new Holiday(DateOnly.Parse(carnivalMonday, CultureInfo.InvariantCulture), HolidayName.CarnivalMonday, HolidayKind.OptionalFullDay), optional);
        Assert.Contains(new Holiday(DateOnly.Parse(carnivalTuesday, CultureInfo.InvariantCulture), HolidayName.CarnivalTuesday, HolidayKind.OptionalFullDay), optional);
        Assert.Contains(new Holiday(DateOnly.Parse(corpusChristi, CultureInfo.InvariantCulture), HolidayName.CorpusChristi, HolidayKind.OptionalFullDay), optional);
    }

    [Theory]
    [InlineData(2024)]
    [InlineData(2025)]
    [InlineData(2026)]
    [InlineData(2027)]
    [InlineData(2028)]
    [InlineData(2029)]
    [InlineData(2030)]
    public void Every_year_has_the_ten_national_holidays_including_20_November(int year)
    {
        var national = BrazilianHolidays.National(year).Select(h => (h.Date.Month, h.Date.Day)).ToList();

        Assert.Equal(10, national.Count);
        (int, int)[] fixedDays = [(1, 1), (4, 21), (5, 1), (9, 7), (10, 12), (11, 2), (11, 15), (11, 20), (12, 25)];
        Assert.All(fixedDays, day => Assert.Contains(day, national));
    }

    [Fact]
    public void Twenty_November_is_national_only_from_2024()
    {
        Assert.DoesNotContain(BrazilianHolidays.National(2023), h => h.Name == HolidayName.BlackConsciousness);
        Assert.Contains(BrazilianHolidays.National(2024), h => h.Date == new DateOnly(2024, 11, 20));
    }

    [Fact]
    public void Carnival_and_Corpus_Christi_are_optional_days_not_national_holidays()
    {
        Assert.DoesNotContain(BrazilianHolidays.National(2026),
            h => h.Name is HolidayName.CarnivalMonday or HolidayName.CarnivalTuesday or HolidayName.CorpusChristi);
    }

    [Fact]
    public void Christmas_and_New_Years_eves_are_afternoons_only()
    {
        var optional = BrazilianHolidays.FederalOptional(2026);

        Assert.Contains(new Holiday(new DateOnly(2026, 12, 24), HolidayName.ChristmasEve, HolidayKind.OptionalAfternoon), optional);
        Assert.Contains(new Holiday(new DateOnly(2026, 12, 31), HolidayName.NewYearsEve, HolidayKind.OptionalAfternoon), optional);
    }

    [Fact]
    public void Easter_matches_the_algorithm_over_four_centuries_of_known_dates()
    {
        // Spot checks from the Gregorian tables: earliest (22 Mar) and latest (25 Apr) possible dates included.
        Assert.Equal(new DateOnly(1818, 3, 22), BrazilianHolidays.Easter(1818));
        Assert.Equal(new DateOnly(1943, 4, 25), BrazilianHolidays.Easter(1943));
        Assert.Equal(new DateOnly(2038, 4, 25), BrazilianHolidays.Easter(2038));
        Assert.Equal(new DateOnly(2285, 3, 22), BrazilianHolidays.Easter(2285));
    }
}
