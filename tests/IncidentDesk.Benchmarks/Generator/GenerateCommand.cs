using System.Globalization;

namespace IncidentDesk.Benchmarks.Generator;

/// <summary><c>generate [--years 5] [--incidents N] [--out file.db] [--seed 42] [--events 500] [--until yyyy-MM-dd]</c>.</summary>
internal static class GenerateCommand
{
    public static async Task<int> RunAsync(CommandLine args)
    {
        var options = Options(args);
        var output = args.Text("out") ?? "incidentdesk-history.db";
        args.EnsureAllRead();
        Console.WriteLine($"Generating {options.IncidentCount:N0} incidents over {options.Years} year(s), seed {options.Seed} → {Path.GetFullPath(output)}");
        var report = await HistoryGenerator.GenerateAsync(output, options);
        Print(report);
        return 0;
    }

    /// <summary>The history options shared by <c>generate</c> and <c>load</c>.</summary>
    public static HistoryOptions Options(CommandLine args)
    {
        var defaults = new HistoryOptions();
        return new HistoryOptions
        {
            Years = args.Int("years") ?? defaults.Years,
            Incidents = args.Int("incidents"),
            Seed = args.Int("seed") ?? defaults.Seed,
            EventsPerIncident = args.Int("events") ?? defaults.EventsPerIncident,
            Until = args.Text("until") is { } until ? DateOnly.ParseExact(until, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
        };
    }

    public static void Print(HistoryReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        Console.WriteLine();
        Console.WriteLine("| table | rows |");
        Console.WriteLine("|---|---:|");
        foreach (var (table, rows) in new (string, long)[]
        {
            ("Incidents", report.Incidents), ("CoopInvolvements", report.Involvements), ("KeyFigures", report.KeyFigures),
            ("Campaigns", report.Campaigns), ("CampaignTasks", report.CampaignTasks), ("CoopTasks", report.CoopTasks),
            ("TimelineEvents", report.TimelineEvents), ("**total**", report.Rows),
        })
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {table} | {rows:N0} |"));
        }

        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"schema + seed {report.SchemaTime.TotalSeconds:0.0} s · rows {report.WriteTime.TotalSeconds:0.0} s · {report.RowsPerSecond:N0} rows/s · total {(report.SchemaTime + report.WriteTime).TotalSeconds:0.0} s · {new FileInfo(report.DatabasePath).Length / 1048576.0:0} MB"));
    }
}
