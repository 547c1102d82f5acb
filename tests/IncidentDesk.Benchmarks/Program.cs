using IncidentDesk.Benchmarks.Circuit;
using IncidentDesk.Benchmarks.Dashboard;
using IncidentDesk.Benchmarks.Generator;
using IncidentDesk.Benchmarks.Load;
using IncidentDesk.Benchmarks.Micro;

namespace IncidentDesk.Benchmarks;

// The harness prints Markdown tables ready for the README's Performance section. Each figure is measured next to its floor
// (the same work done the barest way: raw SQL, a bare hub broadcast) in the same run, on the same machine.
internal static class Harness
{
    private const string Usage = """
        usage: dotnet run -c Release --project tests/IncidentDesk.Benchmarks -- <mode> [options]
          all|campaign|matrix|hub   figures next to their floors
          mail [--years 5] [--runs 10] [--only launch|drain|reminders]   launch with its 340 notices, outbox drain to a local SMTP server, reminder run on a history
          micro [--filter Matrix]   BenchmarkDotNet micro-benchmarks beside their floors, on a generated five-year history
          generate [--years 5] [--incidents N] [--out file.db] [--seed 42] [--events 500] [--until yyyy-MM-dd]
          circuit [--pages 50] [--tasks 20] [--years 0] [--repeats 10] [--load 68] [--browser-nice N]   server memory per open matrix page; task update → all pages repainted
            (--browser-nice N: Chromium at nice N below the server, as if the browsers ran elsewhere; not the default, and the output says so)
          dashboard [--years 5] [--runs 20]   dashboard first render in Chromium beside DashboardService's read
          reports   public report form: submit beside its floor; an officer's page during a 500-post flood beside a quiet desk
          capacity [--rates 68,136,272,544,1088] [--step 20s] [--officers 50] [--only sqlite,sqlite-normal,scale-out] [--chart capacity.svg]   the load ramped step by step on one instance (commits synced, then SqliteSync=Normal) and on two, with a chart
          load [--liaisons 340] [--interval 5s] [--officers 50] [--duration 60s] [--years 5] [--incidents N] [--seed 42] [--db file.db]
          exposure [--concurrency 16] [--response-timeout 5s] [--per-coop 2]   "check all" of 340 × 2 loopback brokers beside bare probes
          faults [--kills 20] [--backups 5] [--only burst|launch|import|backup]   the desk killed mid-write and restarted; backups under load restored
        """;

    public static async Task<int> Main(string[] args)
    {
        var what = args.FirstOrDefault() ?? "all";
        try
        {
            var options = new CommandLine(args.Skip(1));
            return what switch
            {
                "all" or "campaign" or "matrix" or "hub" => await FiguresAsync(what),
                "generate" => await GenerateCommand.RunAsync(options),
                "mail" => await MailFigures.RunAsync(options),
                "circuit" => await CircuitCommand.RunAsync(options),
                "dashboard" => await DashboardCommand.RunAsync(options),
                "load" => await LoadCommand.RunAsync(options),
                "capacity" => await Capacity.CapacityCommand.RunAsync(options),
                "reports" => await ReportsAsync(),
                "micro" => await MicroCommand.RunAsync(options),
                "exposure" => await Exposure.ExposureCommand.RunAsync(options),
                "faults" => await Faults.FaultsCommand.RunAsync(options),
                _ => Fail(null),
            };
        }
        catch (ArgumentException e) when (e is not ArgumentNullException)
        {
            return Fail(e.Message);
        }
        catch (FormatException e)
        {
            return Fail(e.Message);
        }
    }

    private static async Task<int> ReportsAsync()
    {
        Console.WriteLine($"IncidentDesk public report form · {Environment.ProcessorCount} cores · {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        Console.WriteLine();
        Console.WriteLine(Figure.Header);
        await Reports.ReportFigures.RunAsync();
        return 0;
    }

    private static int Fail(string? problem)
    {
        if (problem is not null)
        {
            Console.Error.WriteLine(problem);
        }

        Console.Error.WriteLine(Usage);
        return 2;
    }

    private static async Task<int> FiguresAsync(string what)
    {
        await using var federation = await FederationRun.StartAsync();
        Console.WriteLine($"IncidentDesk figures · {Environment.ProcessorCount} cores · {federation.CoopCount} co-ops · {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        Console.WriteLine();
        Console.WriteLine(Figure.Header);
        if (what is "all" or "campaign")
        {
            await CampaignFigures.RunAsync(federation);
        }

        if (what is "all" or "matrix")
        {
            await MatrixFigures.RunAsync(federation);
        }

        if (what is "all" or "hub")
        {
            await HubFigures.RunAsync(federation);
        }

        return 0;
    }
}
