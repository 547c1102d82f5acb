using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace IncidentDesk.Benchmarks.Load;

/// <summary>CPU, working set, GC heap and EF Core's database work (queries and saves) of this process over a run.</summary>
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
    private readonly MeterListener database = new();
    private readonly long databaseAtStart;
    private long databaseTotal;
    private long peakWorkingSet;
    private long peakGcHeap;

    /// <summary>EF Core's running totals of LINQ queries and SaveChanges calls (its meter, all contexts of the process).</summary>
    private static readonly string[] DatabaseCounters = ["microsoft.entityframeworkcore.queries", "microsoft.entityframeworkcore.savechanges"];

    private ProcessMeter()
    {
        cpuAtStart = process.TotalProcessorTime;
        database.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == "Microsoft.EntityFrameworkCore" && DatabaseCounters.Contains(instrument.Name))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        database.SetMeasurementEventCallback<long>((_, value, _, _) => databaseTotal += value);
        database.SetMeasurementEventCallback<int>((_, value, _, _) => databaseTotal += value);
        database.Start();
        databaseAtStart = DatabaseTotal();
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
        return new ProcessUsage(cpu / wall / Environment.ProcessorCount, peakWorkingSet, peakGcHeap, GC.CollectionCount(2) - gen2AtStart)
        {
            DatabaseCalls = DatabaseTotal() - databaseAtStart,
        };
    }

    /// <summary>Reads the observable totals now (the callbacks run on this thread, one after the other).</summary>
    private long DatabaseTotal()
    {
        lock (database)
        {
            databaseTotal = 0;
            database.RecordObservableInstruments();
            return databaseTotal;
        }
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
        database.Dispose();
        timer.Dispose();
        process.Dispose();
    }
}

internal sealed record ProcessUsage(double CpuShare, long PeakWorkingSet, long PeakGcHeap, int Gen2Collections)
{
    /// <summary>Database queries and saves the process made (the desk's; the load clients make none).</summary>
    public long DatabaseCalls { get; init; }
}
