namespace IncidentDesk.Core.Exposure;

public enum RunTrigger
{
    Schedule = 0,
    OnDemand = 1,
}

public enum RunTarget
{
    All = 0,
    Coop = 1,
    Endpoint = 2,
}

public enum RunState
{
    Running = 0,
    Finished = 1,
    Cancelled = 2,
    Failed = 3,
}

/// <summary>
/// One round of checks: the schedule's, or an officer's for one endpoint, one co-op or all. A scheduled run carries the
/// key of its slot, unique, so however many instances serve the desk only one runs each slot.
/// </summary>
public sealed class ExposureRun
{
    public const int MaxLabel = 300;

    public int Id { get; set; }
    public RunTrigger Trigger { get; set; }
    public RunTarget Target { get; set; }

    /// <summary>What was asked for, as people read it ("todas", "SP-004", "SP-004 · kafka.example:9092").</summary>
    public string TargetLabel { get; set; } = "";

    /// <summary>The schedule slot (its start, UTC, ISO 8601); null for runs on demand.</summary>
    public string? SlotKey { get; set; }

    public DateTime StartedAtUtc { get; set; }
    public DateTime? FinishedAtUtc { get; set; }
    public string StartedBy { get; set; } = "";
    public RunState State { get; set; }

    /// <summary>Authorized endpoints of the target taken by this run.</summary>
    public int Planned { get; set; }

    /// <summary>Authorized endpoints left out because they were checked less than an hour before.</summary>
    public int SkippedRecent { get; set; }

    /// <summary>Endpoints of the target without the co-op's authorization: never probed.</summary>
    public int Unauthorized { get; set; }

    public int Checked { get; set; }
    public int Exposed { get; set; }

    public DateTime? CancelRequestedAtUtc { get; set; }
    public string? CancelRequestedBy { get; set; }
}
