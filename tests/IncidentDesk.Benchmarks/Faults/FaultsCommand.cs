using System.Globalization;

namespace IncidentDesk.Benchmarks.Faults;

/// <summary>
/// <c>faults [--kills 20] [--backups 5] [--fills 5] [--only burst|launch|import|backup|disk]</c>: the desk as its own process,
/// killed with SIGKILL at random moments in the middle of writes and started again, backups taken under load restored into
/// fresh desks, and its data disk filled and freed while it runs (root: a tmpfs is mounted). Prints one Markdown row per scenario: runs, writes acknowledged, lost, half-written, chain intact, time to recover.
/// </summary>
internal static class FaultsCommand
{
    public static async Task<int> RunAsync(CommandLine options)
    {
        var kills = options.Int("kills") ?? 20;
        var backups = options.Int("backups") ?? 5;
        var fills = options.Int("fills") ?? 5;
        var only = options.Text("only") ?? "";
        options.EnsureAllRead();
        var cancellationToken = CancellationToken.None;
        Console.WriteLine($"IncidentDesk faults · {Environment.ProcessorCount} cores · load average {LoadAverage()} · "
            + $"{DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        Console.WriteLine("Preparing the data folder (340 co-ops, a campaign, 8 liaisons' tokens, an officer)…");
        using var template = await FaultDeskTemplate.PrepareAsync(liaisons: 8);
        var rows = new List<string>();

        if (only is "" or "burst")
        {
            rows.Add(await ScenarioAsync($"killed during a burst of liaison updates (8 liaisons, PATCH with version)", kills, template,
                async (desk, run, random) => await BurstKill.RunAsync(desk, template, $"k{run}", random, TimeSpan.FromSeconds(1), cancellationToken)));
        }

        if (only is "" or "launch")
        {
            rows.Add(await BrowserScenarioAsync($"killed during a launch of 340 × {FaultDeskTemplate.LaunchSteps} from the incident page", kills, template,
                (desk, officer) => LaunchKill.MeasureAsync(desk, officer, template, "Lançamento medido"),
                (desk, officer, run, delay) => LaunchKill.RunAsync(desk, officer, template, $"Lançamento interrompido {run}", delay, cancellationToken)));
        }

        if (only is "" or "import")
        {
            rows.Add(await BrowserScenarioAsync("killed during a directory import changing all 340 co-ops", kills, template,
                (desk, officer) => ImportKill.MeasureAsync(desk, officer, template, "medida"),
                (desk, officer, run, delay) => ImportKill.RunAsync(desk, officer, template, $"interrompida {run}", delay, cancellationToken)));
        }

        if (only is "" or "backup")
        {
            rows.Add(await ScenarioAsync("backup under a burst of updates, restored into a fresh desk", backups, template,
                async (desk, run, random) => await BackupUnderLoad.RunAsync(desk, template, $"b{run}", random, TimeSpan.FromSeconds(1), cancellationToken)));
        }

        if (only is "" or "disk")
        {
            rows.Add(await DiskScenarioAsync(fills, template));
        }

        Console.WriteLine();
        Console.WriteLine("| scenario | runs | acknowledged writes | lost | half-written | chain intact | time to recover (median / max) |");
        Console.WriteLine("|---|---:|---:|---:|---:|---|---|");
        rows.ForEach(Console.WriteLine);
        Console.WriteLine();
        Console.WriteLine($"load average at the end: {LoadAverage()}");
        return 0;
    }

    private static async Task<string> ScenarioAsync(
        string name, int runs, FaultDeskTemplate template, Func<ChildDesk, int, Random, Task<FaultOutcome>> run)
    {
        Console.WriteLine($"{name}: {runs} runs");
        await using var desk = template.NewDesk();
        var outcomes = new List<FaultOutcome>();
        try
        {
            await desk.StartAsync(CancellationToken.None);
            var random = new Random(runs);
            for (var i = 1; i <= runs; i++)
            {
                outcomes.Add(await run(desk, i, random));
                Console.WriteLine(RunLine(i, outcomes[^1]));
            }
        }
        finally
        {
            desk.Kill();
            FaultDeskTemplate.DeleteFolder(desk.Folder);
        }

        return Row(name, outcomes);
    }

    private static async Task<string> DiskScenarioAsync(int runs, FaultDeskTemplate template)
    {
        const string name = "data disk (24 MB tmpfs) filled under a running desk, then freed; answers over the API";
        if (!Environment.IsPrivilegedProcess)
        {
            Console.WriteLine($"{name}: skipped, mounting a tmpfs needs root");
            return $"| {name} | not run (needs root to mount a tmpfs) | | | | | |";
        }

        Console.WriteLine($"{name}: {runs} runs");
        var outcomes = new List<FaultOutcome>();
        for (var i = 1; i <= runs; i++)
        {
            outcomes.Add(await DiskFullRun.RunAsync(template, CancellationToken.None));
            Console.WriteLine(RunLine(i, outcomes[^1]));
        }

        return Row(name, outcomes);
    }

    private static async Task<string> BrowserScenarioAsync(
        string name, int runs, FaultDeskTemplate template, Func<ChildDesk, OfficerBrowser, Task<TimeSpan>> measure,
        Func<ChildDesk, OfficerBrowser, int, TimeSpan, Task<FaultOutcome>> run)
    {
        Console.WriteLine($"{name}: {runs} runs");
        await using var desk = template.NewDesk();
        var outcomes = new List<FaultOutcome>();
        try
        {
            await desk.StartAsync(CancellationToken.None);
            await using var officer = await OfficerBrowser.SignInAsync(desk, template.Officer);
            var measured = await measure(desk, officer);
            Console.WriteLine($"  measured without a kill: {measured.TotalMilliseconds:0} ms from the click to the confirmation; kills fall within it");
            var random = new Random(runs);
            for (var i = 1; i <= runs; i++)
            {
                outcomes.Add(await run(desk, officer, i, random.NextDouble() * measured));
                Console.WriteLine(RunLine(i, outcomes[^1]));
            }
        }
        finally
        {
            desk.Kill();
            FaultDeskTemplate.DeleteFolder(desk.Folder);
        }

        return Row(name, outcomes);
    }

    private static string RunLine(int run, FaultOutcome outcome) => string.Create(CultureInfo.InvariantCulture,
        $"  {run}: lost {outcome.Lost}, half-written {outcome.HalfWritten}, chain {(outcome.ChainIntact ? "intact" : "BROKEN")}, "
        + $"recovered in {outcome.Recovery.TotalSeconds:0.00} s; {outcome.Detail}");

    private static string Row(string name, List<FaultOutcome> outcomes)
    {
        var recoveries = outcomes.Select(o => o.Recovery.TotalSeconds).Order().ToList();
        var median = recoveries.Count == 0 ? 0 : recoveries[recoveries.Count / 2];
        var max = recoveries.Count == 0 ? 0 : recoveries[^1];
        return string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {outcomes.Count} | {outcomes.Sum(o => o.Acknowledged)} | {outcomes.Sum(o => o.Lost)} | {outcomes.Sum(o => o.HalfWritten)} | "
            + $"{outcomes.Count(o => o.ChainIntact)} of {outcomes.Count} | {median:0.00} s / {max:0.00} s |");
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
