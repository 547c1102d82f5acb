using IncidentDesk.Core.Compliance;

namespace IncidentDesk.Web.Features.Compliance;

/// <summary>A configured closure as the calendar page lists it.</summary>
public sealed record ClosureRow(int Id, DateOnly Date, string Reason, string CreatedBy, DateTime CreatedAtUtc);

/// <summary>Field error codes of the closure form (worded by ComplianceResource "Error.*").</summary>
public static class ClosureErrors
{
    public const string Required = "Required";
    public const string TooLong = "TooLong";
    public const string Duplicate = "Duplicate";
    public const string NotClosable = "NotClosable";
}

public static class ClosureFields
{
    public const string Date = nameof(ClosureRow.Date);
    public const string Reason = nameof(ClosureRow.Reason);
}

/// <summary>One deadline of one controller, with the countdown to its working date seen from now.</summary>
public sealed record DeadlineView(
    DeadlineKind Kind, int BusinessDays, DateOnly Start, DateOnly Working, DateOnly LatestDefensible,
    DateTime WorkingEndsAtUtc, DateTime LatestDefensibleEndsAtUtc, string Rule, DeadlineCountdown Countdown,
    FiledCommunication? Filed = null)
{
    /// <summary>Filed by the end of the working (strict) deadline — the date the desk plans against.</summary>
    public bool MetOnTime => Filed is { } f && f.FiledAtUtc < WorkingEndsAtUtc;
}

/// <summary>Every deadline of one controller co-op in one incident; its own clock starts at its own knowledge (R15 art. 6 §1).</summary>
public sealed record CoopDeadlines(
    int CoopId, string Code, string Name, string Uf, bool SmallAgent, DateTime KnowledgeAtUtc, DateTime? CommunicationFiledAtUtc,
    IReadOnlyList<DeadlineView> Deadlines)
{
    /// <summary>The most urgent of the co-op's deadlines (what a summary chip shows).</summary>
    public DeadlineView Next => Deadlines.OrderByDescending(d => d.Countdown.Urgency).ThenBy(d => d.Working).First();

    /// <summary>The most urgent deadline not yet answered by a filing; null once every one was filed.</summary>
    public DeadlineView? NextPending => Deadlines.Where(d => d.Filed is null)
        .OrderByDescending(d => d.Countdown.Urgency).ThenBy(d => d.Working).ThenBy(d => d.Kind).FirstOrDefault();
}
