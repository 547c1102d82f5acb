namespace IncidentDesk.Core.Campaigns;

/// <summary>A reusable list of tasks the federation asks its co-ops to do for a kind of incident.</summary>
public sealed class Playbook
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public string Description { get; set; } = "";
    public bool IsArchived { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    public string UpdatedBy { get; set; } = "";
    public List<PlaybookStep> Steps { get; } = [];
}

/// <summary>One task of a playbook: what to do, by when (business days after launch) and what counts as an answer.</summary>
public sealed class PlaybookStep
{
    public int Id { get; set; }
    public int PlaybookId { get; set; }
    public int Order { get; set; }
    public required string Title { get; set; }
    public string Instructions { get; set; } = "";
    public int DueInBusinessDays { get; set; }
    public bool EvidenceRequired { get; set; }
    public TaskAnswerType AnswerType { get; set; }
}
