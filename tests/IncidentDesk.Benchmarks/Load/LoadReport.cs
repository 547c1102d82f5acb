using System.Diagnostics;
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
        if (result.Fault is { } fault)
        {
            rows = [.. rows, .. FaultRows(result, fault)];
        }

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

    /// <summary>
    /// What the fault cost: refusals said plainly (503) during it, acknowledged writes lost (must be none), and how long after
    /// it ended the delivery tail (p95 per second of updates sent) stayed back under twice its level before the fault
    /// (at least 100 ms).
    /// </summary>
    private static IEnumerable<string> FaultRows(LoadResult result, (long Started, long Ended) fault)
    {
        var before = result.DeliveryMs.Where((_, i) => result.DeliverySentAt[i] < fault.Started).ToList();
        var baseline = before.Count > 0 ? new Figure("", before).Percentile(95) : double.NaN;
        var threshold = Math.Max(2 * baseline, 100);
        var perSecond = result.DeliveryMs.Select((ms, i) => (Second: (int)Math.Floor(Stopwatch.GetElapsedTime(fault.Ended, result.DeliverySentAt[i]).TotalSeconds), Ms: ms))
            .Where(d => d.Second >= 0).GroupBy(d => d.Second).OrderBy(g => g.Key)
            .Select(g => (g.Key, P95: new Figure("", [.. g.Select(d => d.Ms)]).Percentile(95))).ToList();
        var lastSlow = perSecond.LastOrDefault(s => s.P95 > threshold);
        var recovered = perSecond.Count == 0 ? "—" : lastSlow == default ? "at once (< 1 s)" : $"{lastSlow.Key + 1} s";
        var outage = Stopwatch.GetElapsedTime(fault.Started, fault.Ended);
        var missedAfter = result.MissedSentAt.Where(at => at > fault.Ended).ToList();
        var lastMissed = missedAfter.Count > 0
            ? string.Create(CultureInfo.InvariantCulture, $" (the last sent {Stopwatch.GetElapsedTime(fault.Ended, missedAfter.Max()).TotalSeconds:0.0} s after)") : "";
        return
        [
            string.Create(CultureInfo.InvariantCulture, $"| fault: outage (fault injected → server back) | {outage.TotalSeconds:0.0} s |"),
            $"| fault: 503 answers with Retry-After (sent again at the next interval) | {result.Unavailable:N0} |",
            $"| fault: acknowledged writes lost | {result.LostWrites:N0} |",
            $"| fault: deliveries missed, of updates sent before the server was back / after | {result.MissedSentAt.Count - missedAfter.Count:N0} / {missedAfter.Count:N0}{lastMissed} |",
            $"| fault: catch-up messages received by officers' hub clients · misses no catch-up followed | {result.CatchUps:N0} · {result.MissedWithoutCatchUp:N0} |",
            string.Create(CultureInfo.InvariantCulture, $"| fault: p95 before → back under {threshold:0} ms after the server was back | {baseline:0.0} ms → {recovered} |"),
        ];
    }

    private static string Percentiles(Figure? figure) => figure is null ? "—" : string.Create(CultureInfo.InvariantCulture,
        $"{figure.Percentile(50):0.0} / {figure.Percentile(95):0.0} / {figure.Percentile(99):0.0} / {figure.Percentile(100):0.0} ms");
}
