using IncidentDesk.Core.Common;

namespace IncidentDesk.Core.Timeline;

/// <summary>
/// What a timeline entry is about. Fact and Action are written by people (editable, with history); the others are
/// written by the desk itself when something changes and are never edited.
/// </summary>
public enum TimelineEventKind
{
    /// <summary>Something that happened in the world (a detection, a take-down, a press report).</summary>
    Fact = 0,

    /// <summary>Something people did that the desk did not record by itself (a call with the vendor, a meeting).</summary>
    Action = 1,

    /// <summary>The incident was registered or its details were changed.</summary>
    Record = 2,
    Status = 3,
    Involvement = 4,
    Figure = 5,
    Evidence = 6,
    Task = 7,
    Notification = 8,
}

public static class TimelineEventKinds
{
    /// <summary>The kinds people write by hand; every other kind is the desk's own record and immutable.</summary>
    public static bool IsManual(this TimelineEventKind kind) => kind is TimelineEventKind.Fact or TimelineEventKind.Action;
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

    /// <summary>Display name of whoever recorded it (the desk writes the acting user's name on automatic events).</summary>
    public string RecordedBy { get; set; } = "";

    /// <summary>Last edit of a manual event; the earlier versions are in the audit trail.</summary>
    public DateTime? EditedAtUtc { get; set; }
    public string? EditedBy { get; set; }
}
