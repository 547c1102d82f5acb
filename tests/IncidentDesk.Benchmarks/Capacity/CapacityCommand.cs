using System.Globalization;
using IncidentDesk.Benchmarks.Load;

namespace IncidentDesk.Benchmarks.Capacity;

/// <summary>
/// <c>capacity [--rates 68,136,272,544,1088] [--step 20s] [--liaisons 340] [--officers 50]
/// [--only sqlite|sqlite-normal|scale-out] [--chart capacity.svg]</c>: ramps the offered rate of liaison updates, one stable
/// step after another, on one instance (SQLite, every commit synced; then SQLite with <c>SqliteSync=Normal</c>) and on two
/// (PostgreSQL + Redis), and reports per step what the desk achieved and how long officers waited. The
/// knee is the highest offered rate whose update → hub p95 stays within <see cref="TargetP95Ms"/> with no error and the
/// offered rate achieved. A step that collapses (the desk reaching less than half of what was offered) ends the ramp.
/// </summary>
internal static class CapacityCommand
{
    public const double TargetP95Ms = 100;

    /// <summary>One instance on SQLite (as configured by default, then with commits synced in the background), then two on PostgreSQL + Redis.</summary>
    private static readonly SetUp[] SetUps =
    [
        new("sqlite", "1 instance · SQLite", ScaleOut: false, SqliteSync: null),
        new("sqlite-normal", "1 instance · SQLite, SqliteSync=Normal", ScaleOut: false, SqliteSync: "Normal"),
        new("scale-out", "2 instances · PostgreSQL + Redis", ScaleOut: true, SqliteSync: null),
    ];

    public static async Task<int> RunAsync(CommandLine args)
    {
        var rates = (args.Text("rates") ?? "68,136,272,544,1088").Split(',')
            .Select(r => double.Parse(r, CultureInfo.InvariantCulture)).ToList();
        var step = args.Duration("step") ?? TimeSpan.FromSeconds(20);
        var liaisons = args.Int("liaisons") ?? 340;
        var officers = args.Int("officers") ?? 50;
        var only = args.Text("only");
        var chart = args.Text("chart") ?? "capacity.svg";
        args.EnsureAllRead();

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"IncidentDesk capacity · {Environment.ProcessorCount} cores · {liaisons} liaisons · {officers} officers · {step.TotalSeconds:0} s a step · {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC · load average {LoadCommand.LoadAverage()}"));
        var curves = new List<CapacityCurve>();
        foreach (var setUp in SetUps.Where(s => only is null || only.Split(',').Contains(s.Name)))
        {
            curves.Add(await RampAsync(setUp, rates, step, liaisons, officers));
        }

        CapacityChart.Write(chart, curves, TargetP95Ms);
        Console.WriteLine();
        foreach (var curve in curves)
        {
            Console.WriteLine(curve.Knee is { } knee
                ? FormattableString.Invariant($"{curve.SetUp}: knee at {knee.Offered:0} updates/s offered ({knee.Achieved:0.0} achieved, p95 {knee.P95:0.0} ms)")
                : FormattableString.Invariant($"{curve.SetUp}: no step kept p95 within {TargetP95Ms:0} ms"));
        }

        Console.WriteLine($"chart: {Path.GetFullPath(chart)} · load average at the end {LoadCommand.LoadAverage()}");
        return curves.All(c => c.Steps.All(s => s.Errors == 0)) ? 0 : 1;
    }

    private static async Task<CapacityCurve> RampAsync(SetUp setUp, IReadOnlyList<double> rates, TimeSpan step, int liaisons, int officers)
    {
        await using var federation = setUp.ScaleOut ? await FederationRun.StartScaledOutAsync()
            : await FederationRun.StartAsync(extra: setUp.SqliteSync is { } sync
                ? new Dictionary<string, string?> { [Data.DeskDatabase.SqliteSyncKey] = sync }
                : null);
        Console.WriteLine();
        Console.WriteLine($"### {setUp.Title}");
        Console.WriteLine(CapacityStep.Header);
        var steps = new List<CapacityStep>();
        foreach (var rate in rates)
        {
            var options = new LoadOptions
            {
                Liaisons = liaisons, Officers = officers, Duration = step, Interval = TimeSpan.FromSeconds(liaisons / rate),
            };
            var result = await LoadRun.RunAsync(federation, options);
            var measured = CapacityStep.Of(rate, result);
            steps.Add(measured);
            Console.WriteLine(measured.Row());
            if (measured.Achieved < rate / 2)
            {
                break;
            }
        }

        return new CapacityCurve(setUp.Title, steps, steps.LastOrDefault(s => s.Holds(TargetP95Ms)));
    }

    private sealed record SetUp(string Name, string Title, bool ScaleOut, string? SqliteSync);
}

internal sealed record CapacityCurve(string SetUp, IReadOnlyList<CapacityStep> Steps, CapacityStep? Knee);

/// <summary>One step of the ramp: the offered rate and what the desk did with it.</summary>
internal sealed record CapacityStep(
    double Offered, double Achieved, double P50, double P95, double P99, double PatchP95, int Errors, long Missing, double CpuShare, long PeakWorkingSet,
    double DatabaseCallsPerUpdate)
{
    public static string Header =>
        "| offered /s | achieved /s | update → hub p50 / p95 / p99 ms | PATCH p95 ms | errors | missing deliveries | CPU (of all cores) | peak working set | DB queries + saves per update |\n|---:|---:|---:|---:|---:|---:|---:|---:|---:|";

    /// <summary>Within the target, without an error or a lost delivery, and the offered rate actually reached (5 % slack).</summary>
    public bool Holds(double targetP95Ms) => P95 <= targetP95Ms && Errors == 0 && Missing == 0 && Achieved >= Offered * 0.95;

    public static CapacityStep Of(double offered, LoadResult result)
    {
        var delivery = result.DeliveryMs.Count > 0 ? new Figure("", result.DeliveryMs) : null;
        var api = result.ApiMs.Count > 0 ? new Figure("", result.ApiMs) : null;
        return new CapacityStep(offered, result.UpdatesPerSecond, delivery?.Percentile(50) ?? double.NaN, delivery?.Percentile(95) ?? double.NaN,
            delivery?.Percentile(99) ?? double.NaN, api?.Percentile(95) ?? double.NaN, result.Errors, result.MissingDeliveries, result.CpuShare,
            result.PeakWorkingSet, result.Updated > 0 ? (double)result.DatabaseCalls / result.Updated : double.NaN);
    }

    public string Row() => string.Create(CultureInfo.InvariantCulture,
        $"| {Offered:0} | {Achieved:0.0} | {P50:0.0} / {P95:0.0} / {P99:0.0} | {PatchP95:0.0} | {Errors:N0} | {Missing:N0} | {CpuShare:P0} | {PeakWorkingSet / 1048576.0:0} MB | {DatabaseCallsPerUpdate:0.0} |");
}
