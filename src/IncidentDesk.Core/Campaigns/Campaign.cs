namespace IncidentDesk.Core.Campaigns;

/// <summary>A set of tasks fanned out to many co-ops for one incident.</summary>
public sealed class Campaign
{
    public int Id { get; set; }
    public int IncidentId { get; set; }
    public required string Title { get; set; }
    public DateTime LaunchedAtUtc { get; set; }
    public string? LaunchedBy { get; set; }
    public List<CoopTask> Tasks { get; } = [];
}
