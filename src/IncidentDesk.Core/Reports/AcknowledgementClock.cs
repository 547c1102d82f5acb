using IncidentDesk.Core.Compliance;

namespace IncidentDesk.Core.Reports;

/// <summary>How close an unacknowledged report is to the promise made on the policy page.</summary>
public enum ClockState
{
    /// <summary>More than one business day left.</summary>
    OnTime = 0,

    /// <summary>The last business day before the promise falls due.</summary>
    DueSoon = 1,

    /// <summary>The promise is broken: no acknowledgement within two business days.</summary>
    Overdue = 2,

    /// <summary>Already acknowledged (or answered in another way).</summary>
    Answered = 3,
}

/// <summary>
/// The acknowledgement promise of the disclosure policy: every outside report is answered within two business days of its
/// receipt, counted on the federation's business calendar (Brasília holidays and configured closures).
/// </summary>
public static class AcknowledgementClock
{
    public const int BusinessDays = 2;

    /// <summary>The instant the acknowledgement falls due: the end of the second business day after the day of receipt.</summary>
    public static DateTime DueUtc(DateTime receivedUtc, BusinessCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var day = Common.Brasilia.Day(receivedUtc);
        // Working mode: the promise is planned against the earliest date, as the desk plans every deadline.
        var due = calendar.AddBusinessDays(day, BusinessDays, DeadlineMode.Working);
        return Common.Brasilia.EndOfDayUtc(due);
    }

    public static ClockState State(DateTime receivedUtc, bool answered, DateTime nowUtc, BusinessCalendar calendar)
    {
        if (answered)
        {
            return ClockState.Answered;
        }

        var due = DueUtc(receivedUtc, calendar);
        if (nowUtc >= due)
        {
            return ClockState.Overdue;
        }

        var lastDayStarts = Common.Brasilia.StartOfDayUtc(Common.Brasilia.Day(due.AddTicks(-1)));
        return nowUtc >= lastDayStarts ? ClockState.DueSoon : ClockState.OnTime;
    }
}
