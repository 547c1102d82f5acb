using IncidentDesk.Benchmarks.Generator;

namespace IncidentDesk.Benchmarks;

/// <summary>A generated history in a temporary file for one run (none for zero years); deleted afterwards.</summary>
internal sealed class GeneratedHistory : IDisposable
{
    private GeneratedHistory(string? path) => Path = path;

    /// <summary>The file to start the app on, or null for the plain demo database.</summary>
    public string? Path { get; }

    public static async Task<GeneratedHistory> CreateAsync(int years)
    {
        if (years <= 0)
        {
            return new GeneratedHistory(null);
        }

        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"incidentdesk-history-{Guid.NewGuid():N}.db");
        var options = new HistoryOptions { Years = years };
        Console.WriteLine($"Generating {options.IncidentCount:N0} incidents over {years} year(s)…");
        var report = await HistoryGenerator.GenerateAsync(path, options);
        Console.WriteLine($"history: {report.Incidents:N0} incidents, {report.CoopTasks:N0} co-op tasks, {report.TimelineEvents:N0} timeline events");
        return new GeneratedHistory(path);
    }

    public void Dispose()
    {
        if (Path is not null)
        {
            foreach (var file in new[] { Path, Path + "-wal", Path + "-shm" })
            {
                File.Delete(file);
            }
        }
    }
}
