using IncidentDesk.Core.Campaigns;
using IncidentDesk.Core.Common;
using IncidentDesk.Core.Compliance;

namespace IncidentDesk.Core.Mail;

/// <summary>One co-op task as the reminder run reads it.</summary>
public sealed record ReminderTask(
    int CoopId, int CampaignId, string IncidentReference, string CampaignTitle, string TaskTitle,
    DateTime DueAtUtc, CoopTaskStatus Status, DateTime LaunchedAtUtc);

/// <summary>A task in a digest: its day due (Brasília) and, when late, by how many business days.</summary>
public sealed record DigestTask(int CampaignId, string IncidentReference, string CampaignTitle, string TaskTitle, DateOnly DueDay, int BusinessDaysLate);

/// <summary>What one co-op is reminded of on one business day.</summary>
public sealed record CoopReminder(
    int CoopId, IReadOnlyList<DigestTask> DueSoon, IReadOnlyList<DigestTask> Overdue, IReadOnlyList<DigestTask> NewTasks)
{
    /// <summary>Late tasks past the escalation threshold: the encarregado is copied about these.</summary>
    public IReadOnlyList<DigestTask> Escalated(int afterBusinessDays) => [.. Overdue.Where(t => t.BusinessDaysLate >= afterBusinessDays)];

    public bool IsEmpty => DueSoon.Count == 0 && Overdue.Count == 0 && NewTasks.Count == 0;
}

/// <summary>
/// The reminders of one business day, counted on the business calendar (weekends and national holidays do not count):
/// per co-op, unfinished tasks due by the end of the next business day, tasks already late (with how many business days
/// late), and the tasks launched since the previous business day's run (for people who asked for one digest a day).
/// </summary>
public static class ReminderPlan
{
    /// <summary>A task due at the end of a Brasília day: that day.</summary>
    public static DateOnly DueDay(DateTime dueAtUtc) => Brasilia.Day(dueAtUtc.AddTicks(-1));

    /// <summary>Runs happen on business days only; a weekend or holiday has no run.</summary>
    public static bool IsRunDay(DateOnly day, BusinessCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return calendar.IsBusinessDay(day, DeadlineMode.Working);
    }

    /// <summary>The previous business day (the run before this one).</summary>
    public static DateOnly PreviousRunDay(DateOnly day, BusinessCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var previous = day.AddDays(-1);
        while (!calendar.IsBusinessDay(previous, DeadlineMode.Working))
        {
            previous = previous.AddDays(-1);
        }

        return previous;
    }

    /// <summary>The instant a day's run is due: <paramref name="hour"/> o'clock in Brasília.</summary>
    public static DateTime RunAtUtc(DateOnly day, int hour) => Brasilia.StartOfDayUtc(day).AddHours(hour);

    public static IReadOnlyList<CoopReminder> For(
        DateOnly today, int runHour, IEnumerable<ReminderTask> tasks, BusinessCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        ArgumentNullException.ThrowIfNull(calendar);
        var nextBusinessDay = calendar.AddBusinessDays(today, 1, DeadlineMode.Working);
        var windowStart = RunAtUtc(PreviousRunDay(today, calendar), runHour);
        var windowEnd = RunAtUtc(today, runHour);
        var reminders = new List<CoopReminder>();
        foreach (var coop in tasks.Where(t => CoopTaskStatuses.IsPending(t.Status)).GroupBy(t => t.CoopId))
        {
            List<DigestTask> dueSoon = [], overdue = [], added = [];
            foreach (var task in coop.OrderBy(t => t.DueAtUtc).ThenBy(t => t.CampaignId).ThenBy(t => t.TaskTitle, StringComparer.Ordinal))
            {
                var due = DueDay(task.DueAtUtc);
                var late = due < today ? calendar.BusinessDaysBetween(due, today, DeadlineMode.Working) : 0;
                var digest = new DigestTask(task.CampaignId, task.IncidentReference, task.CampaignTitle, task.TaskTitle, due, late);
                if (due < today)
                {
                    overdue.Add(digest);
                }
                else if (due <= nextBusinessDay)
                {
                    dueSoon.Add(digest);
                }

                if (task.LaunchedAtUtc > windowStart && task.LaunchedAtUtc <= windowEnd)
                {
                    added.Add(digest);
                }
            }

            var reminder = new CoopReminder(coop.Key, dueSoon, overdue, added);
            if (!reminder.IsEmpty)
            {
                reminders.Add(reminder);
            }
        }

        return [.. reminders.OrderBy(r => r.CoopId)];
    }
}
