using System.Diagnostics;
using System.Globalization;

namespace IncidentDesk.Benchmarks.Circuit;

/// <summary>
/// This process's memory after a forced, compacting full collection. The app runs in this process, so the managed heap is
/// the server's (plus the harness's few objects); Chromium and the Playwright driver are separate processes, not counted.
/// </summary>
internal sealed record ServerMemory(long ManagedBytes, long WorkingSetBytes)
{
    public static ServerMemory Measure()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        var managed = GC.GetTotalMemory(forceFullCollection: true);
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return new ServerMemory(managed, process.WorkingSet64);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"managed heap {ManagedBytes / 1048576.0:0.0} MB · working set {WorkingSetBytes / 1048576.0:0.0} MB");
}
