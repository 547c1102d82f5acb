using IncidentDesk.Core.Campaigns;
using IncidentDesk.Core.Compliance;

namespace IncidentDesk.Core.Tests.Campaigns;

public sealed class TaskDueDateTests
{
    [Theory]
    // launched (UTC) → due (UTC, i.e. Brasília midnight at the end of the N-th business day)
    [InlineData("2026-04-01T15:00:00", 2, "2026-04-07T03:00:00")] // Good Friday and the weekend skipped
    [InlineData("2026-11-18T15:00:00", 3, "2026-11-25T03:00:00")] // 20 November skipped
    [InlineData("2026-03-07T02:30:00", 1, "2026-03-10T03:00:00")] // Friday 23:30 in Brasília (Saturday in UTC): day one is Monday
    public void A_task_is_due_at_the_end_of_its_last_business_day_in_Brasilia(string launched, int days, string due)
    {
        var launchedUtc = DateTime.SpecifyKind(DateTime.Parse(launched, System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Utc);

        var dueUtc = TaskDueDate.Compute(launchedUtc, days, BusinessCalendar.Default);

        Assert.Equal(DateTime.Parse(due, System.Globalization.CultureInfo.InvariantCulture), dueUtc);
    }

    [Theory]
    [InlineData(CoopTaskStatus.Open, true)]
    [InlineData(CoopTaskStatus.InProgress, true)]
    [InlineData(CoopTaskStatus.Blocked, true)]
    [InlineData(CoopTaskStatus.Done, false)]
    [InlineData(CoopTaskStatus.NotApplicable, false)]
    [InlineData(CoopTaskStatus.Cancelled, false)] // withdrawn with its campaign: owed by nobody
    public void Only_unfinished_tasks_past_their_due_time_are_overdue(CoopTaskStatus status, bool overdue)
    {
        var due = new DateTime(2026, 4, 7, 3, 0, 0, DateTimeKind.Utc);

        Assert.Equal(overdue, TaskDueDate.IsOverdue(status, due, due));
        Assert.False(TaskDueDate.IsOverdue(status, due, due.AddSeconds(-1)));
        Assert.False(TaskDueDate.IsOverdue(status, null, due));
    }
}
