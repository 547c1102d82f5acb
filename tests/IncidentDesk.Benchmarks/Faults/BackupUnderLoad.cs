using System.Diagnostics;

namespace IncidentDesk.Benchmarks.Faults;

/// <summary>
/// <c>backup FILE</c> taken while liaisons' updates stream into a live desk, then <c>restore FILE</c> into a fresh data
/// folder and a fresh desk started on it: every update acknowledged before the backup began is there, the copy is one
/// consistent moment (each task's version, audit entries and timeline events agree — nothing half-present), the restored
/// desk holds exactly what the backup file holds, and its audit chain verifies.
/// </summary>
internal static class BackupUnderLoad
{
    /// <param name="desk">A running desk made from <paramref name="template"/>; still running, and still written to, when this returns.</param>
    public static async Task<FaultOutcome> RunAsync(
        ChildDesk desk, FaultDeskTemplate template, string tag, Random random, TimeSpan window, CancellationToken cancellationToken)
    {
        var ids = template.Liaisons.SelectMany(l => l.TaskIds).ToList();
        var live = new DeskFile(desk.DatabasePath);
        var before = await live.TasksAsync(ids);
        var auditBefore = (await live.TaskAuditAsync(ids)).ToDictionary(kv => kv.Key, kv => kv.Value.Count);
        var timelineBefore = await live.CountAsync("TimelineEvents");

        var burst = new TaskBurst(desk.BaseAddress, template.Liaisons, tag);
        using var stop = new CancellationTokenSource();
        var running = burst.RunAsync(before.ToDictionary(kv => kv.Key, kv => kv.Value.Version), stop.Token);
        await burst.FirstAnswered.WaitAsync(TimeSpan.FromMinutes(2), cancellationToken);
        // The moment of the backup, drawn at random within the stream of writes.
        await Task.Delay(random.NextDouble() * window, cancellationToken);
        var acknowledgedBefore = burst.Acknowledged.ToList();
        var file = Path.Combine(desk.Folder, $"backup-{tag}.db");
        var backup = await desk.RunCommandAsync(cancellationToken, "backup", file);
        var acknowledgedByTheEnd = burst.Acknowledged.Count;
        await stop.CancelAsync();
        await running;
        if (backup.ExitCode != 0)
        {
            return new FaultOutcome(acknowledgedBefore.Count, 0, 0, false, TimeSpan.Zero, $"backup failed ({backup.ExitCode}): {backup.Error}");
        }

        await using var fresh = new ChildDesk(Directory.CreateTempSubdirectory("incidentdesk-faults-restored-").FullName);
        try
        {
            // The sealing keys travel apart from database backups (README, Backups): the fresh folder gets them on their own.
            FaultDeskTemplate.CopyFolder(Path.Combine(desk.Folder, "audit-keys"), Path.Combine(fresh.Folder, "audit-keys"));
            var restoring = Stopwatch.GetTimestamp();
            var restore = await fresh.RunCommandAsync(cancellationToken, "restore", file);
            if (restore.ExitCode != 0)
            {
                return new FaultOutcome(acknowledgedBefore.Count, 0, 0, false, TimeSpan.Zero, $"restore failed ({restore.ExitCode}): {restore.Error}");
            }

            await fresh.StartAsync(cancellationToken);
            var recovery = Stopwatch.GetElapsedTime(restoring);
            var copy = new DeskFile(file);
            var restored = new DeskFile(fresh.DatabasePath);
            var after = await restored.TasksAsync(ids);
            var auditAfter = await restored.TaskAuditAsync(ids);
            var timelineAfter = await restored.CountAsync("TimelineEvents");
            var verify = await fresh.RunCommandAsync(cancellationToken, "audit", "verify");

            var lost = acknowledgedBefore.Count(ack =>
                after[ack.TaskId].Version < ack.Version
                || !auditAfter[ack.TaskId].Skip(auditBefore[ack.TaskId]).Any(changes => changes.Contains(ack.Note, StringComparison.Ordinal)));
            var halfWritten = ids.Count(id => after[id].Version - before[id].Version != auditAfter[id].Count - auditBefore[id]);
            var versionsMoved = ids.Sum(id => after[id].Version - before[id].Version);
            halfWritten += (int)Math.Abs(timelineAfter - timelineBefore - versionsMoved);
            // The fresh desk holds the backup file's moment exactly: same tasks, same audit entries about them, same timeline.
            var inFile = await copy.TasksAsync(ids);
            var differs = ids.Count(id => inFile[id] != after[id])
                + (int)Math.Abs(await copy.CountAsync("TimelineEvents") - timelineAfter)
                + (int)Math.Abs(await copy.CountAsync("AuditEntries", "EntityType = 'CoopTask'") - auditAfter.Values.Sum(v => v.Count));
            var detail = $"{acknowledgedBefore.Count} acknowledged before the backup began, {versionsMoved} in the copy, {acknowledgedByTheEnd} by the "
                + $"end of the backup; {differs} differences between the file and the restored desk; backup: {backup.Output.Trim()}; "
                + $"verify: {verify.Output.Trim()}{verify.Error.Trim()}";
            return new FaultOutcome(acknowledgedBefore.Count, lost, halfWritten + differs, verify.ExitCode == 0, recovery, detail);
        }
        finally
        {
            fresh.Kill();
            FaultDeskTemplate.DeleteFolder(fresh.Folder);
        }
    }
}
