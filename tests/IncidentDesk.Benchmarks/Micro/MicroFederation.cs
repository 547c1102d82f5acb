using IncidentDesk.Benchmarks.Generator;

namespace IncidentDesk.Benchmarks.Micro;

/// <summary>
/// One real app for every database micro-benchmark of a run, on a generated five-year history (≈ 1,000 incidents,
/// ≈ 500,000 timeline events): the figures are taken at the federation's real volumes, not on an empty database.
/// BenchmarkDotNet runs in process here, so the benchmarks share it; <see cref="MicroCommand"/> disposes of it at the end.
/// </summary>
internal static class MicroFederation
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static FederationRun? _run;
    private static string? _file;

    public static async Task<FederationRun> GetAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (_run is null)
            {
                _file = Path.Combine(Path.GetTempPath(), $"incidentdesk-micro-{Guid.NewGuid():N}.db");
                var report = await HistoryGenerator.GenerateAsync(_file, new HistoryOptions());
                Console.WriteLine($"// history: {report.Incidents:N0} incidents, {report.CoopTasks:N0} co-op tasks, {report.TimelineEvents:N0} timeline events");
                _run = await FederationRun.StartAsync(_file);
            }

            return _run;
        }
        finally
        {
            Gate.Release();
        }
    }

    public static async Task DisposeAsync()
    {
        if (_run is not null)
        {
            await _run.DisposeAsync();
            _run = null;
        }

        if (_file is not null)
        {
            foreach (var path in new[] { _file, _file + "-wal", _file + "-shm" })
            {
                File.Delete(path);
            }
        }
    }
}
