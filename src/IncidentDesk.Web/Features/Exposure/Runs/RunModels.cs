using IncidentDesk.Core.Exposure;

namespace IncidentDesk.Web.Features.Exposure.Runs;

/// <summary>What a run is asked to check: every endpoint, one co-op's, or one endpoint.</summary>
public sealed record RunRequest(RunTrigger Trigger, RunTarget Target, int? CoopId = null, int? EndpointId = null, string? SlotKey = null)
{
    public static RunRequest Scheduled(string slotKey) => new(RunTrigger.Schedule, RunTarget.All, SlotKey: slotKey);
}

/// <summary>An endpoint a run took, as the run needs it.</summary>
public sealed record ClaimedEndpoint(int Id, int CoopId, string Host, int Port, DateTime? PreviousClaimUtc);

/// <summary>A run that started: its id, what it took, and the task that ends when it does.</summary>
public sealed record RunStart(int RunId, int Planned, int SkippedRecent, int Unauthorized, Task<RunState> Completion);
