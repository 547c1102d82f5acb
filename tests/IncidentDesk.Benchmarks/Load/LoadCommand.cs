using System.Globalization;
using IncidentDesk.Benchmarks.Generator;
using IncidentDesk.Data.Audit;
using IncidentDesk.Web.Features.Audit;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentDesk.Benchmarks.Load;

/// <summary>
/// <c>load [--liaisons 340] [--interval 5s] [--officers 50] [--duration 60s] [--db file.db | history options | --no-history]
/// [--scale-out [--restart postgres|redis] [--restart-at 20s] [--redis-down 5s]]</c>: generates a history (or takes a generated file, or none: the seeded desk), starts the app on it and runs
/// the load. <c>--scale-out</c> runs two instances on PostgreSQL + Redis (seeded desk, no history: the generator writes SQLite);
/// <c>--restart</c> restarts PostgreSQL (or stops Redis for a while) in the middle of it and reports what the clients saw,
/// whether an acknowledged write was lost, and how long the tail took to come back.
/// </summary>
internal static class LoadCommand
{
    public static async Task<int> RunAsync(CommandLine args)
    {
        var defaults = new LoadOptions();
        var options = new LoadOptions
        {
            Liaisons = args.Int("liaisons") ?? defaults.Liaisons,
            Interval = args.Duration("interval") ?? defaults.Interval,
            Officers = args.Int("officers") ?? defaults.Officers,
            Duration = args.Duration("duration") ?? defaults.Duration,
        };
        var database = args.Text("db");
        var scaleOut = args.Flag("scale-out");
        var restart = args.Text("restart");
        var restartAt = args.Duration("restart-at") ?? TimeSpan.FromSeconds(20);
        var redisDown = args.Duration("redis-down") ?? TimeSpan.FromSeconds(5);
        if (restart is not null && (!scaleOut || restart is not ("postgres" or "redis")))
        {
            throw new ArgumentException("--restart postgres|redis needs --scale-out.");
        }

        var noHistory = scaleOut || args.Flag("no-history");
        var history = GenerateCommand.Options(args);
        args.EnsureAllRead();

        var generated = database is null && !noHistory;
        if (generated)
        {
            database = Path.Combine(Path.GetTempPath(), $"incidentdesk-load-{Guid.NewGuid():N}.db");
            Console.WriteLine($"Generating {history.IncidentCount:N0} incidents over {history.Years} year(s), seed {history.Seed}…");
            GenerateCommand.Print(await HistoryGenerator.GenerateAsync(database, history));
            Console.WriteLine();
        }

        try
        {
            await using var federation = scaleOut ? await FederationRun.StartScaledOutAsync() : await FederationRun.StartAsync(database);
            var setUp = scaleOut ? "2 instances · PostgreSQL + Redis" : "1 instance · SQLite";
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"IncidentDesk load · {setUp} · {Environment.ProcessorCount} cores · {federation.CoopCount} co-ops · {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC · load average {LoadAverage()}"));
            var faulty = restart switch
            {
                "postgres" => options with { Fault = federation.RestartPostgresAsync, FaultAt = restartAt },
                "redis" => options with { Fault = () => federation.RestartRedisAsync(redisDown), FaultAt = restartAt },
                _ => options,
            };
            var result = await LoadRun.RunAsync(federation, faulty, Console.Out);
            Console.WriteLine();
            LoadReport.Print(result, Console.Out);
            // Every update was audited: the chain must still be one verifiable sequence after the load, seen from each instance.
            var intact = true;
            foreach (var instance in federation.Instances)
            {
                await using var scope = instance.Services.CreateAsyncScope();
                var chain = (await scope.ServiceProvider.GetRequiredService<AuditTrailService>()
                    .VerifyAsync(new AuditActor(null, "load harness"))).Value;
                intact &= chain.IsIntact;
                Console.WriteLine(chain.IsIntact
                    ? $"| audit chain after the load ({instance.BaseAddress.Authority}) | intact, {chain.EntriesChecked:N0} entries |"
                    : $"| audit chain after the load ({instance.BaseAddress.Authority}) | BROKEN: {chain.Break} at {chain.FirstBrokenSequence}: {chain.Problem} |");
            }

            Console.WriteLine($"| load average (1/5/15 min) at the end | {LoadAverage()} |");
            // A fault may cost deliveries and answers during the outage; never an acknowledged write, never the chain.
            return result.LostWrites == 0 && result.MissedWithoutCatchUp == 0 && intact && (restart is not null || (result.Errors == 0 && result.MissingDeliveries == 0 && result.HubDisconnects == 0)) ? 0 : 1;
        }
        finally
        {
            if (generated)
            {
                File.Delete(database!);
            }
        }
    }

    /// <summary>The machine's load average (Linux), printed beside the figures: other work on the same cores skews them.</summary>
    internal static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" / ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "—";
}
