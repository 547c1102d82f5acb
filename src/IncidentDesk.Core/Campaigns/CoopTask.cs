namespace IncidentDesk.Core.Campaigns;

public enum CoopTaskStatus
{
    Open = 0,
    InProgress = 1,
    Blocked = 2,
    Done = 3,
    NotApplicable = 4,
}

/// <summary>One co-op's copy of one campaign task; the liaison of that co-op answers it.</summary>
public sealed class CoopTask
{
    public int Id { get; set; }
    public int CampaignId { get; set; }
    public int CoopId { get; set; }
    public required string Title { get; set; }
    public string Instructions { get; set; } = "";
    public DateTime? DueAtUtc { get; set; }
    public CoopTaskStatus Status { get; set; }
    public string? Answer { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    public string? UpdatedBy { get; set; }

    /// <summary>Optimistic concurrency token: a stale update must never silently win.</summary>
    public int Version { get; set; }
}
