using IncidentDesk.Core.Common;
using IncidentDesk.Core.Compliance;

namespace IncidentDesk.Core.Campaigns;

/// <summary>A task is due at the end (Brasília midnight) of the N-th business day after its campaign was launched.</summary>
public static class TaskDueDate
{
    public static DateTime Compute(DateTime launchedAtUtc, int businessDays, BusinessCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return Brasilia.EndOfDayUtc(calendar.AddBusinessDays(Brasilia.Day(launchedAtUtc), businessDays, DeadlineMode.Working));
    }

    /// <summary>Whether a task still open at <paramref name="nowUtc"/> has passed its due time.</summary>
    public static bool IsOverdue(CoopTaskStatus status, DateTime? dueAtUtc, DateTime nowUtc) =>
        dueAtUtc is { } due && nowUtc >= due && CoopTaskStatuses.IsPending(status);
}
