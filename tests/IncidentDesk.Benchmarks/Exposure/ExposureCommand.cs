using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using IncidentDesk.Benchmarks.Load;
using IncidentDesk.Core.Exposure;
using IncidentDesk.Data.Audit;
using IncidentDesk.Testing;
using IncidentDesk.Testing.Kafka;
using IncidentDesk.Web.Features.Exposure;
using IncidentDesk.Web.Features.Exposure.Endpoints;
using IncidentDesk.Web.Features.Exposure.Probe;
using IncidentDesk.Web.Features.Exposure.Runs;
using IncidentDesk.Web.Outcomes;
using IncidentDesk.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IncidentDesk.Benchmarks.Exposure;

/// <summary>
/// The federation-wide exposure check: 340 co-ops × 2 declared Kafka endpoints, all on loopback, a quarter of each kind —
/// brokers that list their topics to anyone (librdkafka's mock cluster), brokers that refuse (topic authorization failed),
/// closed ports and ports that accept and never answer — checked by one officer's "check all" through the real app
/// (probe, recording, audit trail, a task per exposed broker). Its floor: the same 680 probes with the same bound and
/// timeouts, without recording anything.
/// </summary>
internal static class ExposureCommand
{
    public static async Task<int> RunAsync(CommandLine options)
    {
        var concurrency = options.Int("concurrency") ?? 16;
        var responseTimeout = options.Duration("response-timeout") ?? TimeSpan.FromSeconds(5);
        var perCoop = options.Int("per-coop") ?? 2;
        options.EnsureAllRead();

        using var open = MockKafkaCluster.Start(brokers: 4);
        using var refusing = MockKafkaCluster.Start(brokers: 4);
        foreach (var topic in Enumerable.Range(1, 12).Select(n => $"chatbot.conversas.{n:00}"))
        {
            open.CreateTopic(topic, partitions: 3);
            refusing.CreateTopic(topic, partitions: 3);
            refusing.SetTopicError(topic, MockKafkaCluster.TopicAuthorizationFailed);
        }

        var silent = Enumerable.Range(0, 4).Select(_ => LoopbackServer.Silent()).ToList();
        var closed = Enumerable.Range(0, 4).Select(_ => LoopbackPort.Free()).ToList();
        try
        {
            await using var run = await FederationRun.StartAsync(extra: new Dictionary<string, string?>
            {
                ["IncidentDesk:ExposureWatch:MaxConcurrentChecks"] = concurrency.ToString(CultureInfo.InvariantCulture),
                ["IncidentDesk:ExposureWatch:ResponseTimeout"] = responseTimeout.ToString("c", CultureInfo.InvariantCulture),
                ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Information",
            });
            var targets = Targets(open, refusing, closed, silent);
            var endpoints = await DeclareAsync(run, targets, perCoop);
            Console.WriteLine($"IncidentDesk exposure figures · {Environment.ProcessorCount} cores · {run.CoopCount} co-ops × {perCoop} = {endpoints} endpoints · "
                + $"bound {concurrency} · connect 3 s, answer {responseTimeout.TotalSeconds:0.#} s · {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
            Console.WriteLine();

            var floor = await FloorAsync(run, targets, endpoints, concurrency);
            var desk = await DeskAsync(run);
            Console.WriteLine("| figure | checks | total s | checks/s | per check median ms | p95 ms | max ms | peak working set | GC heap peak | allocated |");
            Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            Console.WriteLine(desk.Row($"exposure run, \"check all\" through the app (bound {concurrency})"));
            Console.WriteLine(floor.Row($"floor: the same probes, same bound, nothing recorded"));
            Console.WriteLine();
            Console.WriteLine("| outcome | checks | median ms | p95 ms |");
            Console.WriteLine("|---|---:|---:|---:|");
            foreach (var (outcome, durations) in desk.ByOutcome.OrderBy(o => o.Key))
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {outcome} | {durations.Count} | {Percentile(durations, 50):0.0} | {Percentile(durations, 95):0.0} |"));
            }

            Console.WriteLine();
            Console.WriteLine($"tasks opened: {desk.Findings} · run state: {desk.State}");
            return 0;
        }
        finally
        {
            foreach (var server in silent)
            {
                await server.DisposeAsync();
            }
        }
    }

    /// <summary>Endpoint <c>i</c>'s address: exposed, refusing, closed and silent in turn, spread over four of each.</summary>
    private static List<IPEndPoint> Targets(MockKafkaCluster open, MockKafkaCluster refusing, List<int> closed, List<LoopbackServer> silent) =>
    [
        .. open.Bootstraps, .. refusing.Bootstraps,
        .. closed.Select(p => new IPEndPoint(IPAddress.Loopback, p)), .. silent.Select(s => s.EndPoint),
    ];

    private static IPEndPoint TargetOf(List<IPEndPoint> targets, int index) => targets[(index % 4 * 4) + (index / 4 % 4)];

    /// <summary>Every co-op declares <paramref name="perCoop"/> endpoints (one CSV import) and authorizes them.</summary>
    private static async Task<int> DeclareAsync(FederationRun run, List<IPEndPoint> targets, int perCoop)
    {
        List<string> codes;
        await using (var db = run.CreateDb())
        {
            codes = await db.Coops.Where(c => c.IsActive).OrderBy(c => c.Code).Select(c => c.Code).ToListAsync();
        }

        var csv = new StringBuilder("code;host;port;kind\n");
        var index = 0;
        foreach (var code in codes)
        {
            for (var n = 0; n < perCoop; n++)
            {
                var target = TargetOf(targets, index++);
                csv.Append(CultureInfo.InvariantCulture, $"{code};{target.Address};{target.Port};kafka\n");
            }
        }

        await using (var officer = run.ActingAs(AppRoles.PrivacyOfficer))
        {
            var report = await officer.ServiceProvider.GetRequiredService<EndpointImportService>()
                .ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(csv.ToString())));
            if (report.ValueOrDefault is not { Applied: true })
            {
                throw new InvalidOperationException($"import refused: {report} {report.ValueOrDefault?.Errors.Count} problems");
            }
        }

        // Each co-op's authorization, recorded in one arranged write (the page records them one by one).
        await using (var db = run.CreateDb())
        {
            foreach (var endpoint in await db.BrokerEndpoints.ToListAsync())
            {
                endpoint.AuthorizedAtUtc = DateTime.UtcNow;
                endpoint.AuthorizedBy = "benchmark";
            }

            await db.SaveArrangedAsync();
        }

        return index;
    }

    private static async Task<Measured> DeskAsync(FederationRun run)
    {
        var allocated = GC.GetTotalAllocatedBytes();
        using var meter = ProcessMeter.Start();
        var started = Stopwatch.GetTimestamp();
        Result<RunStart> result;
        await using (var officer = run.ActingAs(AppRoles.PrivacyOfficer))
        {
            result = await officer.ServiceProvider.GetRequiredService<ExposureRunService>().CheckAllAsync();
        }

        var state = await result.Value.Completion;
        var wall = Stopwatch.GetElapsedTime(started);
        var usage = await meter.StopAsync();
        await using var db = run.CreateDb();
        var checks = await db.ExposureChecks.AsNoTracking().Where(c => c.RunId == result.Value.RunId)
            .Select(c => new { c.Outcome, c.DurationMs }).ToListAsync();
        return new Measured(checks.Count, wall, [.. checks.Select(c => (double)c.DurationMs)], usage, GC.GetTotalAllocatedBytes() - allocated,
            checks.GroupBy(c => c.Outcome).ToDictionary(g => g.Key, g => (IReadOnlyList<double>)[.. g.Select(c => (double)c.DurationMs)]),
            await db.ExposureFindings.CountAsync(), state);
    }

    private static async Task<Measured> FloorAsync(FederationRun run, List<IPEndPoint> targets, int endpoints, int concurrency)
    {
        var probe = new KafkaProbe(run.Host.Services.GetRequiredService<IOptions<ExposureWatchOptions>>(), TimeProvider.System);
        var durations = new ConcurrentBag<double>();
        var allocated = GC.GetTotalAllocatedBytes();
        using var meter = ProcessMeter.Start();
        var started = Stopwatch.GetTimestamp();
        await Parallel.ForEachAsync(Enumerable.Range(0, endpoints), new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (i, ct) =>
        {
            var target = TargetOf(targets, i);
            var result = await probe.CheckAsync(target.Address.ToString(), target.Port, ct);
            durations.Add(result.Duration.TotalMilliseconds);
        });
        var wall = Stopwatch.GetElapsedTime(started);
        var usage = await meter.StopAsync();
        return new Measured(endpoints, wall, [.. durations], usage, GC.GetTotalAllocatedBytes() - allocated, new Dictionary<ExposureOutcome, IReadOnlyList<double>>(), 0, RunState.Finished);
    }

    private static double Percentile(IReadOnlyList<double> samples, double p)
    {
        var sorted = samples.Order().ToArray();
        return sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
    }

    private sealed record Measured(
        int Checks, TimeSpan Wall, IReadOnlyList<double> PerCheckMs, ProcessUsage Usage, long AllocatedBytes,
        IReadOnlyDictionary<ExposureOutcome, IReadOnlyList<double>> ByOutcome, int Findings, RunState State)
    {
        public string Row(string name) => string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {Checks} | {Wall.TotalSeconds:0.0} | {Checks / Wall.TotalSeconds:0.0} | {Percentile(PerCheckMs, 50):0.0} | {Percentile(PerCheckMs, 95):0.0} | "
            + $"{PerCheckMs.DefaultIfEmpty().Max():0} | {Usage.PeakWorkingSet / 1048576.0:0} MB | {Usage.PeakGcHeap / 1048576.0:0} MB | {AllocatedBytes / 1048576.0:0} MB |");
    }
}
