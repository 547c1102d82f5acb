using IncidentDesk.Core.Campaigns;
using IncidentDesk.Core.Common;
using IncidentDesk.Core.Compliance;
using IncidentDesk.Core.Mail;

namespace IncidentDesk.Core.Tests.Mail;

public sealed class ReminderPlanTests
{
    private static readonly BusinessCalendar Calendar = BusinessCalendar.Default;

    private static ReminderTask Task(int coop, DateOnly due, CoopTaskStatus status = CoopTaskStatus.Open, DateTime? launched = null) =>
        new(coop, 1, "INC-2027-0001", "Campanha", $"Tarefa de {coop}", Brasilia.EndOfDayUtc(due), status,
            launched ?? Brasilia.StartOfDayUtc(new DateOnly(2027, 4, 1)));

    [Theory]
    // Due Tuesday 20 April 2027; Wednesday 21 is Tiradentes.
    [InlineData("2027-04-22", 1)]
    [InlineData("2027-04-23", 2)]
    [InlineData("2027-04-26", 3)] // the weekend does not count
    public void Lateness_is_counted_in_business_days(string today, int late)
    {
        var reminder = Assert.Single(ReminderPlan.For(DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture), 7,
            [Task(1, new DateOnly(2027, 4, 20))], Calendar));
        Assert.Equal(late, Assert.Single(reminder.Overdue).BusinessDaysLate);
        Assert.Equal(late >= 2, reminder.Escalated(2).Count == 1);
    }

    [Fact]
    public void Due_by_the_end_of_the_next_business_day_skips_the_holiday_and_the_weekend()
    {
        // Tuesday 20 April 2027: the next business day is Thursday 22 (Wednesday is Tiradentes).
        var tuesday = new DateOnly(2027, 4, 20);
        var reminders = ReminderPlan.For(tuesday, 7,
            [Task(1, tuesday), Task(2, new DateOnly(2027, 4, 22)), Task(3, new DateOnly(2027, 4, 23))], Calendar);
        Assert.Equal([1, 2], reminders.Select(r => r.CoopId));
        Assert.All(reminders, r => Assert.Empty(r.Overdue));
    }

    [Fact]
    public void Finished_tasks_withdrawn_tasks_and_tasks_far_off_make_no_reminder()
    {
        var today = new DateOnly(2027, 4, 22);
        Assert.Empty(ReminderPlan.For(today, 7,
            [Task(1, new DateOnly(2027, 4, 20), CoopTaskStatus.Done), Task(2, new DateOnly(2027, 4, 20), CoopTaskStatus.NotApplicable),
                Task(3, new DateOnly(2027, 5, 20)), Task(4, new DateOnly(2027, 4, 20), CoopTaskStatus.Cancelled)], Calendar));
    }

    [Fact]
    public void New_tasks_are_those_launched_since_the_previous_business_days_run()
    {
        // Thursday's run covers what was launched after Tuesday 7:00 (Wednesday is a holiday, so no run that day).
        var thursday = new DateOnly(2027, 4, 22);
        var afterTuesdayRun = Brasilia.StartOfDayUtc(new DateOnly(2027, 4, 20)).AddHours(9);
        var beforeTuesdayRun = Brasilia.StartOfDayUtc(new DateOnly(2027, 4, 20)).AddHours(6);
        var reminders = ReminderPlan.For(thursday, 7,
            [Task(1, new DateOnly(2027, 5, 20), launched: afterTuesdayRun), Task(2, new DateOnly(2027, 5, 20), launched: beforeTuesdayRun)], Calendar);
        var reminder = Assert.Single(reminders);
        Assert.Equal(1, reminder.CoopId);
        Assert.Single(reminder.NewTasks);
        Assert.Equal(new DateOnly(2027, 4, 20), ReminderPlan.PreviousRunDay(thursday, Calendar));
    }

    [Theory]
    [InlineData("2027-04-21", false)] // Tiradentes
    [InlineData("2027-04-24", false)] // Saturday
    [InlineData("2027-04-22", true)]
    public void Runs_happen_on_business_days_only(string day, bool runs) =>
        Assert.Equal(runs, ReminderPlan.IsRunDay(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture), Calendar));
}
