using IncidentDesk.Core.Common;

namespace IncidentDesk.Core.Timeline;

public enum TimelineEventKind
{
    /// <summary>Something that happened in the world (a detection, a take-down, a press report).</summary>
    Fact = 0,
    /// <summary>Something the desk did (a status change, a campaign launched, a notice filed).</summary>
    Action = 1,
}

public sealed class TimelineEvent
{
    public int Id { get; set; }
    public int IncidentId { get; set; }
    public DateTime OccurredAtUtc { get; set; }
    public TimePrecision Precision { get; set; }
    public required string Title { get; set; }
    public string? Description { get; set; }
    public required string Source { get; set; }
    public TimelineEventKind Kind { get; set; }

    /// <summary>Whether liaisons of involved co-ops may see this event.</summary>
    public bool SharedWithCoops { get; set; }
    public DateTime RecordedAtUtc { get; set; }
}
