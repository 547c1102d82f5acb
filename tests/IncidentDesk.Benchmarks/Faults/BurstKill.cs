namespace IncidentDesk.Benchmarks.Faults;

/// <summary>
/// What one fault run found. <see cref="Lost"/>: acknowledged writes missing afterwards; <see cref="HalfWritten"/>: writes
/// present only in part (a task changed without its audit entry or timeline event, or the reverse);
/// <see cref="Recovery"/>: from the restart to <c>/health/ready</c> answering 200.
/// </summary>
internal sealed record FaultOutcome(int Acknowledged, int Lost, int HalfWritten, bool ChainIntact, TimeSpan Recovery, string Detail);

/// <summary>
/// The desk killed with SIGKILL in the middle of a burst of liaison task updates over the API, then started again on the
/// same data folder: every update it acknowledged must be there, each with its audit entry and timeline event, and the
/// audit chain must verify with the app's own <c>audit verify</c>.
/// </summary>
internal static class BurstKill
{
    /// <param name="desk">A running desk made from <paramref name="template"/>; it is running again when this returns.</param>
    /// <param name="window">The kill falls at a uniformly random moment this long after the burst's first acknowledgement.</param>
    public static async Task<FaultOutcome> RunAsync(
        ChildDesk desk, FaultDeskTemplate template, string tag, Random random, TimeSpan window, CancellationToken cancellationToken)
    {
        var file = new DeskFile(desk.DatabasePath);
        var ids = template.Liaisons.SelectMany(l => l.TaskIds).ToList();
        var before = await file.TasksAsync(ids);
        var auditBefore = (await file.TaskAuditAsync(ids)).ToDictionary(kv => kv.Key, kv => kv.Value.Count);
        var timelineBefore = await file.CountAsync("TimelineEvents");

        var burst = new TaskBurst(desk.BaseAddress, template.Liaisons, tag);
        using var stop = new CancellationTokenSource();
        var running = burst.RunAsync(before.ToDictionary(kv => kv.Key, kv => kv.Value.Version), stop.Token);
        await burst.FirstAnswered.WaitAsync(TimeSpan.FromMinutes(2), cancellationToken);
        // The moment of the kill is drawn at random within the burst: the point of the run, not a wait for a result.
        await Task.Delay(random.NextDouble() * window, cancellationToken);
        desk.Kill();
        await running;

        var recovery = await desk.StartAsync(cancellationToken);
        var after = await file.TasksAsync(ids);
        var auditAfter = await file.TaskAuditAsync(ids);
        var timelineAfter = await file.CountAsync("TimelineEvents");
        var verify = await desk.RunCommandAsync(cancellationToken, "audit", "verify");

        var acknowledged = burst.Acknowledged.ToList();
        var lost = acknowledged.Count(ack =>
            after[ack.TaskId].Version < ack.Version
            || !auditAfter[ack.TaskId].Skip(auditBefore[ack.TaskId]).Any(changes => changes.Contains(ack.Note, StringComparison.Ordinal)));
        // Each committed update bumps the version once and writes one audit entry and one timeline event, in one transaction.
        var halfWritten = ids.Count(id => after[id].Version - before[id].Version != auditAfter[id].Count - auditBefore[id]);
        var versionsMoved = ids.Sum(id => after[id].Version - before[id].Version);
        if (timelineAfter - timelineBefore != versionsMoved)
        {
            halfWritten += (int)Math.Abs(timelineAfter - timelineBefore - versionsMoved);
        }

        var detail = $"{acknowledged.Count} acknowledged, {versionsMoved} committed, {burst.Refused} refused; verify: {verify.Output.Trim()}{verify.Error.Trim()}";
        return new FaultOutcome(acknowledged.Count, lost, halfWritten, verify.ExitCode == 0, recovery, detail);
    }
}
