using System.Globalization;
using IncidentDesk.Core.Compliance;

namespace IncidentDesk.Core.Tests.Compliance;

public sealed class LgpdDeadlinesTests
{
    private static DateTime Brt(string local) =>
        DateTime.SpecifyKind(DateTime.Parse(local, CultureInfo.InvariantCulture).AddHours(3), DateTimeKind.Utc);

    private static DateOnly Day(string day) => DateOnly.Parse(day, CultureInfo.InvariantCulture);

    private static LgpdDeadline Anpd(string knowledgeBrt, bool smallAgent = false, BusinessCalendar? calendar = null) =>
        LgpdDeadlines.For(Brt(knowledgeBrt), smallAgent, calendar ?? BusinessCalendar.Default)
            .Single(d => d.Kind == DeadlineKind.AnpdCommunication);

    // knowledge (Brasília) → working deadline, latest defensible deadline; why the case matters.
    [Theory]
    [InlineData("2025-04-16 10:00", "2025-04-23", "2025-04-23")] // the worked example: Good Friday, weekend, Tiradentes
    [InlineData("2026-03-06 09:00", "2026-03-11", "2026-03-11")] // Friday: the weekend does not count
    [InlineData("2026-03-07 15:00", "2026-03-11", "2026-03-11")] // knowledge on a Saturday: day one is Monday
    [InlineData("2026-03-08 23:59", "2026-03-11", "2026-03-11")] // Sunday 23:59 Brasília is Monday in UTC — Brasília wins
    [InlineData("2026-03-04 23:59", "2026-03-09", "2026-03-09")] // Wednesday 23:59 Brasília (Thursday 02:59 UTC)
    [InlineData("2026-04-01 12:00", "2026-04-07", "2026-04-07")] // Good Friday 3 Apr skipped
    [InlineData("2026-04-17 12:00", "2026-04-23", "2026-04-23")] // Tiradentes on a Tuesday
    [InlineData("2026-11-18 12:00", "2026-11-24", "2026-11-24")] // 20 November (national since 2024) on a Friday
    [InlineData("2026-12-22 12:00", "2026-12-28", "2026-12-28")] // 24 Dec afternoon counts; Christmas does not
    [InlineData("2026-12-28 12:00", "2026-12-31", "2027-01-04")] // ends on 31 Dec: offices close early → next business day
    [InlineData("2026-02-13 12:00", "2026-02-18", "2026-02-20")] // Carnival Monday and Tuesday: optional days
    [InlineData("2026-06-02 12:00", "2026-06-05", "2026-06-08")] // Corpus Christi: optional day
    [InlineData("2026-10-26 12:00", "2026-10-29", "2026-10-30")] // 28 October, public servants' day: optional day
    [InlineData("2025-02-28 12:00", "2025-03-05", "2025-03-07")] // Ash Wednesday is a business day in both modes
    public void Anpd_communication_is_due_three_business_days_after_knowledge(string knowledge, string working, string defensible)
    {
        var deadline = Anpd(knowledge);

        Assert.Equal(Day(working), deadline.Working);
        Assert.Equal(Day(defensible), deadline.LatestDefensible);
        Assert.Equal(3, deadline.BusinessDays);
    }

    [Fact]
    public void The_worked_example_gives_the_subject_notice_and_the_channel_declaration()
    {
        var deadlines = LgpdDeadlines.For(Brt("2025-04-16 10:00"), smallAgent: false, BusinessCalendar.Default)
            .ToDictionary(d => d.Kind);

        Assert.Equal(Day("2025-04-23"), deadlines[DeadlineKind.SubjectNotice].Working);
        Assert.Equal(Day("2025-04-28"), deadlines[DeadlineKind.ChannelDeclaration].Working);
        Assert.Equal(Day("2025-04-28"), deadlines[DeadlineKind.ChannelDeclaration].LatestDefensible);
        Assert.Equal("R15 art. 9 §4", deadlines[DeadlineKind.ChannelDeclaration].Rule);
        Assert.DoesNotContain(DeadlineKind.ComplementaryInformation, deadlines.Keys);
    }

    [Fact]
    public void A_small_processing_agent_has_the_anpd_and_subject_deadlines_doubled()
    {
        var deadlines = LgpdDeadlines.For(Brt("2025-04-16 10:00"), smallAgent: true, BusinessCalendar.Default,
            communicationFiledAtUtc: Brt("2025-04-23 16:00")).ToDictionary(d => d.Kind);

        Assert.Equal(Day("2025-04-28"), deadlines[DeadlineKind.AnpdCommunication].Working);
        Assert.Equal(6, deadlines[DeadlineKind.AnpdCommunication].BusinessDays);
        Assert.Equal(Day("2025-04-28"), deadlines[DeadlineKind.SubjectNotice].Working);
        Assert.Contains("§8", deadlines[DeadlineKind.AnpdCommunication].Rule, StringComparison.Ordinal);
        Assert.Equal(40, deadlines[DeadlineKind.ComplementaryInformation].BusinessDays);
    }

    [Fact]
    public void Complementary_information_is_due_twenty_business_days_after_filing()
    {
        var complementary = LgpdDeadlines.For(Brt("2025-04-16 10:00"), smallAgent: false, BusinessCalendar.Default,
            communicationFiledAtUtc: Brt("2025-04-23 16:00")).Single(d => d.Kind == DeadlineKind.ComplementaryInformation);

        // 1 May (Labour Day) is skipped on the way.
        Assert.Equal(Day("2025-05-22"), complementary.Working);
        Assert.Equal(Day("2025-04-23"), complementary.Start);
    }

    [Fact]
    public void A_configured_closure_moves_only_the_latest_defensible_deadline()
    {
        var calendar = new BusinessCalendar([new Closure(Day("2026-03-10"), "Feriado local na sede da autoridade")]);

        var deadline = Anpd("2026-03-06 09:00", calendar: calendar);

        Assert.Equal(Day("2026-03-11"), deadline.Working);
        Assert.Equal(Day("2026-03-12"), deadline.LatestDefensible);
    }

    [Fact]
    public void The_deadline_runs_to_midnight_at_the_end_of_the_day_in_Brasilia()
    {
        var deadline = Anpd("2025-04-16 10:00");

        Assert.Equal(new DateTime(2025, 4, 24, 3, 0, 0, DateTimeKind.Utc), deadline.WorkingEndsAtUtc);
    }

    [Theory]
    [InlineData("2026-03-06 10:00", DeadlineUrgency.OnTrack, 3)]
    [InlineData("2026-03-10 10:00", DeadlineUrgency.Soon, 1)]
    [InlineData("2026-03-11 10:00", DeadlineUrgency.DueToday, 0)]
    [InlineData("2026-03-12 00:00", DeadlineUrgency.Overdue, 0)]
    public void The_countdown_colours_by_business_days_left(string nowBrt, DeadlineUrgency urgency, int daysLeft)
    {
        var countdown = DeadlineCountdown.At(Day("2026-03-11"), Brt(nowBrt), BusinessCalendar.Default);

        Assert.Equal(urgency, countdown.Urgency);
        Assert.Equal(daysLeft, countdown.BusinessDaysLeft);
    }

    [Fact]
    public void A_Friday_before_a_Monday_deadline_is_amber_and_counts_hours_to_Monday_midnight()
    {
        var countdown = DeadlineCountdown.At(Day("2026-03-09"), Brt("2026-03-06 18:00"), BusinessCalendar.Default);

        Assert.Equal(DeadlineUrgency.Soon, countdown.Urgency);
        Assert.Equal(78, countdown.HoursLeft, precision: 6);
    }

    [Fact]
    public void Optional_days_are_business_days_in_working_mode_only()
    {
        var carnivalMonday = Day("2026-02-16");

        Assert.True(BusinessCalendar.Default.IsBusinessDay(carnivalMonday, DeadlineMode.Working));
        Assert.Equal(DayStatus.OptionalDay, BusinessCalendar.Default.StatusOf(carnivalMonday, DeadlineMode.LatestDefensible));
        Assert.Equal(DayStatus.NationalHoliday, BusinessCalendar.Default.StatusOf(Day("2026-11-20"), DeadlineMode.Working));
    }
}
