namespace IncidentDesk.Core.Campaigns;

/// <summary>Which co-ops a campaign was sent to.</summary>
public enum CampaignAudience
{
    AllCoops = 0,
    InvolvedCoops = 1,
    Uf = 2,
    Federation = 3,
}

/// <summary>A set of tasks fanned out to many co-ops for one incident.</summary>
public sealed class Campaign
{
    public int Id { get; set; }
    public int IncidentId { get; set; }
    public required string Title { get; set; }
    public int? PlaybookId { get; set; }
    public CampaignAudience Audience { get; set; }

    /// <summary>The UF code or federation code when the audience was filtered.</summary>
    public string? AudienceFilter { get; set; }
    public DateTime LaunchedAtUtc { get; set; }
    public string LaunchedBy { get; set; } = "";

    /// <summary>When an officer withdrew the campaign as a mistake (its unanswered tasks closed as Cancelled); null while it stands.</summary>
    public DateTime? CancelledAtUtc { get; set; }
    public string? CancelledBy { get; set; }
    public string? CancellationReason { get; set; }
    public bool IsCancelled => CancelledAtUtc is not null;
    public List<CampaignTask> Tasks { get; } = [];
}

/// <summary>One task of a campaign (a column of the progress matrix); each co-op answers it in its own <see cref="CoopTask"/>.</summary>
public sealed class CampaignTask
{
    public int Id { get; set; }
    public int CampaignId { get; set; }
    public int Order { get; set; }
    public required string Title { get; set; }
    public string Instructions { get; set; } = "";

    /// <summary>End of the due day in Brasília, as UTC (see <see cref="TaskDueDate"/>).</summary>
    public DateTime DueAtUtc { get; set; }
    public bool EvidenceRequired { get; set; }
    public TaskAnswerType AnswerType { get; set; }
    public List<CoopTask> CoopTasks { get; } = [];

    public TaskRequirements Requirements => new(AnswerType, EvidenceRequired);
}
