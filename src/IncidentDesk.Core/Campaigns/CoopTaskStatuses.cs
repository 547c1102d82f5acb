namespace IncidentDesk.Core.Campaigns;

/// <summary>
/// Which statuses still ask something of a co-op. Done and Not applicable are answered; Cancelled was withdrawn with its
/// campaign, so it is owed by nobody: never pending, never overdue, never reminded. Queries written in SQL spell the same
/// three statuses out (<c>!= Done &amp;&amp; != NotApplicable &amp;&amp; != Cancelled</c>).
/// </summary>
public static class CoopTaskStatuses
{
    /// <summary>Open, in progress or blocked: work the co-op still owes.</summary>
    public static bool IsPending(CoopTaskStatus status) => status is CoopTaskStatus.Open or CoopTaskStatus.InProgress or CoopTaskStatus.Blocked;

    /// <summary>Done or not applicable: the co-op answered it.</summary>
    public static bool IsAnswered(CoopTaskStatus status) => status is CoopTaskStatus.Done or CoopTaskStatus.NotApplicable;
}
