using IncidentDesk.Core.Common;

namespace IncidentDesk.Core.Compliance;

/// <summary>How close a deadline is, as the desk colours it: green, amber (≤ 1 business day left), red (today), overdue.</summary>
public enum DeadlineUrgency
{
    OnTrack,
    Soon,
    DueToday,
    Overdue,
}

/// <summary>What is left of a deadline at a moment: whole business days after today, and hours to the end of the last day.</summary>
public sealed record DeadlineCountdown(DeadlineUrgency Urgency, int BusinessDaysLeft, double HoursLeft)
{
    /// <summary>The countdown to the end of <paramref name="dueDay"/> (Brasília) seen at <paramref name="nowUtc"/>, counted in working mode.</summary>
    public static DeadlineCountdown At(DateOnly dueDay, DateTime nowUtc, BusinessCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var endsAtUtc = Brasilia.EndOfDayUtc(dueDay);
        var hours = (endsAtUtc - nowUtc).TotalHours;
        if (hours <= 0)
        {
            return new DeadlineCountdown(DeadlineUrgency.Overdue, 0, hours);
        }

        var today = Brasilia.Day(nowUtc);
        var left = calendar.BusinessDaysBetween(today, dueDay, DeadlineMode.Working);
        var urgency = today == dueDay ? DeadlineUrgency.DueToday : left <= 1 ? DeadlineUrgency.Soon : DeadlineUrgency.OnTrack;
        return new DeadlineCountdown(urgency, left, hours);
    }
}
