using System.Globalization;
using IncidentDesk.Core.Compliance;

namespace IncidentDesk.Core.Tests.Compliance;

/// <summary>A table of ANPD-communication deadlines (R15 art. 6; counting per R1 art. 8) beyond the basic cases.</summary>
public sealed class DeadlineCaseTests
{
    private static DateTime Brt(string local) =>
        DateTime.SpecifyKind(DateTime.Parse(local, CultureInfo.InvariantCulture).AddHours(3), DateTimeKind.Utc);

    private static DateOnly Day(string day) => DateOnly.Parse(day, CultureInfo.InvariantCulture);

    // knowledge (Brasília), small agent, closure ("" = none) → working, latest defensible; why the case matters.
    [Theory]
    [InlineData("2024-03-27 10:00", false, "", "2024-04-02", "2024-04-02")] // Good Friday 2024 and the Easter weekend
    [InlineData("2024-04-18 10:00", false, "", "2024-04-23", "2024-04-23")] // Tiradentes on a Sunday changes nothing
    [InlineData("2024-11-18 10:00", false, "", "2024-11-22", "2024-11-22")] // 20 Nov 2024: national for the first time
    [InlineData("2023-11-17 10:00", false, "", "2023-11-22", "2023-11-22")] // 20 Nov 2023: still a business day
    [InlineData("2025-12-23 10:00", false, "", "2025-12-29", "2025-12-29")] // Christmas Eve afternoon counts; Christmas does not
    [InlineData("2026-12-30 10:00", false, "", "2027-01-05", "2027-01-05")] // year-end: New Year's Day and a weekend
    [InlineData("2027-12-29 10:00", false, "", "2028-01-03", "2028-01-03")] // 31 Dec 2027 is a Friday: day 2; New Year on Saturday
    [InlineData("2026-04-03 10:00", false, "", "2026-04-08", "2026-04-08")] // knowledge on Good Friday: day one is Monday
    [InlineData("2026-03-03 22:30", false, "", "2026-03-06", "2026-03-06")] // Tuesday 22:30 Brasília is Wednesday in UTC
    [InlineData("2026-03-03 23:59", false, "", "2026-03-06", "2026-03-06")] // one minute before midnight Brasília
    [InlineData("2026-03-04 00:00", false, "", "2026-03-09", "2026-03-09")] // midnight: the next day is day zero
    [InlineData("2027-02-05 10:00", false, "", "2027-02-10", "2027-02-12")] // Carnival 2027: Mon/Tue skipped only when defensible
    [InlineData("2026-02-13 10:00", true, "", "2026-02-23", "2026-02-25")] // small agent across Carnival: 6 business days
    [InlineData("2025-04-16 10:00", true, "", "2025-04-28", "2025-04-28")] // small agent over Good Friday and Tiradentes
    [InlineData("2026-06-02 10:00", false, "2026-06-05", "2026-06-05", "2026-06-09")] // Corpus Christi then a closure
    [InlineData("2026-03-06 09:00", false, "2026-03-11", "2026-03-11", "2026-03-12")] // a closure on the last day
    [InlineData("2026-03-06 09:00", false, "2026-03-14", "2026-03-11", "2026-03-11")] // a closure on a Saturday changes nothing
    [InlineData("2026-12-28 10:00", false, "2027-01-04", "2026-12-31", "2027-01-05")] // 31 Dec closes early, then a closure
    public void Anpd_deadline(string knowledge, bool smallAgent, string closure, string working, string defensible)
    {
        var calendar = closure.Length == 0 ? BusinessCalendar.Default : new BusinessCalendar([new Closure(Day(closure), "Feriado local")]);

        var anpd = LgpdDeadlines.For(Brt(knowledge), smallAgent, calendar).Single(d => d.Kind == DeadlineKind.AnpdCommunication);

        Assert.Equal(Day(working), anpd.Working);
        Assert.Equal(Day(defensible), anpd.LatestDefensible);
        Assert.Equal(smallAgent ? 6 : 3, anpd.BusinessDays);
    }

    [Fact]
    public void The_channel_declaration_counts_from_each_modes_own_subject_deadline()
    {
        // Subject notice: working 18 Feb, defensible 20 Feb (Carnival skipped); the declaration adds 3 business days to each.
        var deadlines = LgpdDeadlines.For(Brt("2026-02-13 10:00"), smallAgent: false, BusinessCalendar.Default).ToDictionary(d => d.Kind);

        Assert.Equal(Day("2026-02-23"), deadlines[DeadlineKind.ChannelDeclaration].Working);
        Assert.Equal(Day("2026-02-25"), deadlines[DeadlineKind.ChannelDeclaration].LatestDefensible);
    }

    [Fact]
    public void A_small_agents_channel_declaration_is_not_doubled()
    {
        var declaration = LgpdDeadlines.For(Brt("2025-04-16 10:00"), smallAgent: true, BusinessCalendar.Default)
            .Single(d => d.Kind == DeadlineKind.ChannelDeclaration);

        // R15 art. 9 §6 doubles the subject notice (due 28 Apr); the declaration stays 3 business days after it.
        Assert.Equal(3, declaration.BusinessDays);
        Assert.Equal(Day("2025-05-02"), declaration.Working);
    }
}
