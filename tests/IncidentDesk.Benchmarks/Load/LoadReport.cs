using System.Globalization;

namespace IncidentDesk.Benchmarks.Load;

/// <summary>The load run's Markdown table.</summary>
internal static class LoadReport
{
    public static void Print(LoadResult result, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(output);
        var o = result.Options;
        var delivery = result.DeliveryMs.Count > 0 ? new Figure("", result.DeliveryMs) : null;
        var api = result.ApiMs.Count > 0 ? new Figure("", result.ApiMs) : null;
        string[] rows =
        [
            $"| load | {o.Liaisons} liaisons × 1 update / {o.Interval.TotalSeconds:0.###} s · {o.Officers} officers on the hub · {result.Elapsed.TotalSeconds:0.0} s |",
            $"| updates sent / succeeded | {result.Attempts:N0} / {result.Updated:N0} |",
            $"| throughput | {result.UpdatesPerSecond:0.0} updates/s (offered {o.Liaisons / o.Interval.TotalSeconds:0.0}/s) |",
            $"| update → officer's hub client, p50 / p95 / p99 / max | {Percentiles(delivery)} ({result.DeliveryMs.Count:N0} deliveries) |",
            $"| PATCH round trip, p50 / p95 / p99 / max | {Percentiles(api)} |",
            $"| 409 conflicts (re-read and carried on) | {result.Conflicts:N0} |",
            $"| errors (non-2xx other than 409, timeouts, refused) | {result.Errors:N0} |",
            $"| hub disconnects | {result.HubDisconnects:N0} |",
            $"| missing deliveries (of {result.ExpectedDeliveries:N0} expected) | {result.MissingDeliveries:N0} |",
            $"| process CPU (app + load clients, one process) | {result.CpuShare:P0} of {Environment.ProcessorCount} cores |",
            $"| peak working set / peak GC heap (same process) | {result.PeakWorkingSet / 1048576.0:0} MB / {result.PeakGcHeap / 1048576.0:0} MB · {result.Gen2Collections} gen-2 GCs |",
        ];
        output.WriteLine("| figure | value |");
        output.WriteLine("|---|---|");
        foreach (var row in rows)
        {
            output.WriteLine(row);
        }

        foreach (var sample in result.ErrorSamples)
        {
            output.WriteLine($"error: {sample}");
        }
    }

    private static string Percentiles(Figure? figure) => figure is null ? "—" : string.Create(CultureInfo.InvariantCulture,
        $"{figure.Percentile(50):0.0} / {figure.Percentile(95):0.0} / {figure.Percentile(99):0.0} / {figure.Percentile(100):0.0} ms");
}
