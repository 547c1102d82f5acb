using IncidentDesk.Core.Common;
using IncidentDesk.Core.Compliance;
using IncidentDesk.Core.Mail;

namespace IncidentDesk.Core.Tests.Mail;

public sealed class DeadlineAlertsTests
{
    private static AlertController Controller(DateOnly known, bool anpdFiled = false, bool subjectsFiled = false, bool small = false) =>
        new(1, "INC-2027-0001", "Kafka exposto", 7, "SP-004", "CoopSaúde", Brasilia.StartOfDayUtc(known).AddHours(11), small, anpdFiled, subjectsFiled);

    private static IReadOnlyList<DeadlineAlert> On(string day, AlertController controller) =>
        DeadlineAlerts.For(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture), [controller], BusinessCalendar.Default);

    [Fact]
    public void Known_on_the_monday_of_tiradentes_week_the_alerts_come_on_thursday_and_friday()
    {
        var controller = Controller(new DateOnly(2027, 4, 19));
        Assert.Empty(On("2027-04-20", controller));
        var thursday = Assert.Single(On("2027-04-22", controller));
        Assert.Equal((AlertStage.DayBefore, new DateOnly(2027, 4, 23)), (thursday.Stage, thursday.Deadline));
        Assert.Equal([DeadlineKind.AnpdCommunication, DeadlineKind.SubjectNotice], thursday.Unfiled);
        Assert.Equal(AlertStage.OnTheDay, Assert.Single(On("2027-04-23", controller)).Stage);
        Assert.Empty(On("2027-04-26", controller));
    }

    [Fact]
    public void Only_what_is_not_filed_is_alerted_and_nothing_once_both_are()
    {
        var anpdFiled = Controller(new DateOnly(2027, 4, 19), anpdFiled: true);
        Assert.Equal([DeadlineKind.SubjectNotice], Assert.Single(On("2027-04-22", anpdFiled)).Unfiled);
        Assert.Empty(On("2027-04-22", Controller(new DateOnly(2027, 4, 19), anpdFiled: true, subjectsFiled: true)));
    }

    [Fact]
    public void Across_carnival_the_latest_defensible_date_gets_its_own_alert()
    {
        // Known Thursday 4 Feb 2027. Working: Fri 5, Mon 8, Tue 9 (Carnival is an optional day, not a holiday) → Tuesday 9.
        // Latest defensible skips Carnival Monday and Tuesday and Ash Wednesday's morning closure → a later date.
        var controller = Controller(new DateOnly(2027, 2, 4));
        var working = Assert.Single(On("2027-02-09", controller));
        Assert.Equal(AlertStage.OnTheDay, working.Stage);
        var deadlines = LgpdDeadlines.For(controller.KnowledgeAtUtc, false, BusinessCalendar.Default);
        var latest = deadlines.Single(d => d.Kind == DeadlineKind.AnpdCommunication).LatestDefensible;
        Assert.True(latest > new DateOnly(2027, 2, 9));
        var alert = Assert.Single(On(latest.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), controller));
        Assert.Equal((AlertStage.LatestDefensible, latest), (alert.Stage, alert.Deadline));
    }

    [Fact]
    public void A_small_processing_agent_has_six_business_days()
    {
        var controller = Controller(new DateOnly(2027, 4, 19), small: true);
        Assert.Empty(On("2027-04-22", controller));
        // Tue 20, Thu 22, Fri 23, Mon 26, Tue 27, Wed 28.
        Assert.Equal(AlertStage.DayBefore, Assert.Single(On("2027-04-27", controller)).Stage);
    }
}
