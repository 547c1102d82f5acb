namespace IncidentDesk.Core.Campaigns;

public enum CoopTaskStatus
{
    Open = 0,
    InProgress = 1,
    Blocked = 2,
    Done = 3,
    NotApplicable = 4,

    /// <summary>
    /// Withdrawn with its campaign by an officer before the co-op finished it: terminal, nobody answers it any more, and it
    /// is neither pending nor overdue (liaisons see it as withdrawn, kept in their history).
    /// </summary>
    Cancelled = 5,
}

/// <summary>One co-op's copy of one campaign task; the liaison of that co-op answers it.</summary>
public sealed class CoopTask
{
    public int Id { get; set; }
    public int CampaignTaskId { get; set; }
    public CampaignTask? CampaignTask { get; set; }

    /// <summary>Denormalised from the task so the progress matrix reads one campaign's 340 × N cells by index.</summary>
    public int CampaignId { get; set; }
    public int CoopId { get; set; }
    public CoopTaskStatus Status { get; set; }

    /// <summary>The answer in its stored form (<see cref="TaskStatusRules.Normalise"/>).</summary>
    public string? Answer { get; set; }

    /// <summary>The reason, justification or note given with the latest status change.</summary>
    public string? Note { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    public string? UpdatedBy { get; set; }

    /// <summary>Optimistic concurrency token: a stale update must never silently win.</summary>
    public int Version { get; set; }
}
