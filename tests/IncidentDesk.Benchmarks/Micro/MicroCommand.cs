using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace IncidentDesk.Benchmarks.Micro;

/// <summary>
/// `micro [--filter text]`: the BenchmarkDotNet micro-benchmarks, each beside its floor (the baseline row; the Ratio column is
/// the multiple of the floor). In process, so that the database benchmarks share one app on one generated history; a short
/// job (3 warm-ups, 10 iterations) keeps a full run within minutes on two cores.
/// </summary>
internal static class MicroCommand
{
    private static readonly Type[] Suites =
    [
        typeof(CampaignLaunchBenchmarks), typeof(MatrixQueryBenchmarks), typeof(IncidentListBenchmarks),
        typeof(DeadlineBenchmarks), typeof(DraftBenchmarks),
    ];

    public static async Task<int> RunAsync(CommandLine args)
    {
        var filter = args.Text("filter");
        var job = Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(10);
        var config = DefaultConfig.Instance.AddJob(job)
            .WithOptions(ConfigOptions.JoinSummary | ConfigOptions.DisableLogFile);
        var suites = Suites.Where(s => filter is null || s.Name.Contains(filter, StringComparison.OrdinalIgnoreCase)).ToArray();
        if (suites.Length == 0)
        {
            throw new ArgumentException($"No benchmark suite matches '{filter}'.");
        }

        try
        {
            Summary[] summaries = BenchmarkRunner.Run(suites, config);
            return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
        }
        finally
        {
            await MicroFederation.DisposeAsync();
        }
    }
}
