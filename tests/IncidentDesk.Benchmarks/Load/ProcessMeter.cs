using System.Diagnostics;

namespace IncidentDesk.Benchmarks.Load;

/// <summary>CPU, working set and GC heap of this process over a run.</summary>
/// <remarks>
/// The app runs in-process (WebApplicationFactory on Kestrel), so these are the server's figures plus the load clients'
/// (HTTP and hub clients): an upper bound for the server alone.
/// </remarks>
internal sealed class ProcessMeter : IDisposable
{
    private readonly Process process = Process.GetCurrentProcess();
    private readonly TimeSpan cpuAtStart;
    private readonly long startedAt = Stopwatch.GetTimestamp();
    private readonly int gen2AtStart = GC.CollectionCount(2);
    private readonly PeriodicTimer timer = new(TimeSpan.FromMilliseconds(250));
    private readonly Task sampling;
    private long peakWorkingSet;
    private long peakGcHeap;

    private ProcessMeter()
    {
        cpuAtStart = process.TotalProcessorTime;
        sampling = SampleAsync();
    }

    public static ProcessMeter Start() => new();

    public async Task<ProcessUsage> StopAsync()
    {
        timer.Dispose();
        await sampling;
        Sample();
        process.Refresh();
        var wall = Stopwatch.GetElapsedTime(startedAt);
        var cpu = process.TotalProcessorTime - cpuAtStart;
        return new ProcessUsage(cpu / wall / Environment.ProcessorCount, peakWorkingSet, peakGcHeap, GC.CollectionCount(2) - gen2AtStart);
    }

    private async Task SampleAsync()
    {
        while (await timer.WaitForNextTickAsync())
        {
            Sample();
        }
    }

    private void Sample()
    {
        process.Refresh();
        peakWorkingSet = Math.Max(peakWorkingSet, process.WorkingSet64);
        peakGcHeap = Math.Max(peakGcHeap, GC.GetTotalMemory(forceFullCollection: false));
    }

    public void Dispose()
    {
        timer.Dispose();
        process.Dispose();
    }
}

internal sealed record ProcessUsage(double CpuShare, long PeakWorkingSet, long PeakGcHeap, int Gen2Collections);
