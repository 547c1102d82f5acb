using IncidentDesk.Data;
using IncidentDesk.Web.Features.Incidents.Evidence;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace IncidentDesk.Web.Features.Health;

/// <summary>
/// Degraded when the disk holding the SQLite database or the evidence folder has less free space than
/// <see cref="IncidentDeskOptions.MinFreeStorageMegabytes"/>: reads still work, so the desk stays in the load balancer's
/// rotation (a 503 would hide every page from everyone), but the probe says "Degraded" and the log names the folder, so
/// space is freed before uploads and answers start being refused. Writes refused for want of space say so to the person.
/// </summary>
internal sealed partial class StorageHealthCheck(
    IOptions<IncidentDeskOptions> options, EvidenceStore evidence, IConfiguration configuration, IWebHostEnvironment environment,
    ILogger<StorageHealthCheck> logger) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var minimum = options.Value.MinFreeStorageMegabytes * 1024L * 1024L;
        foreach (var folder in Folders())
        {
            var free = new DriveInfo(folder).AvailableFreeSpace;
            if (free < minimum)
            {
                LogNearlyFull(logger, free, folder, minimum);
                return Task.FromResult(HealthCheckResult.Degraded($"Storage nearly full: {folder}."));
            }
        }

        return Task.FromResult(HealthCheckResult.Healthy());
    }

    private IEnumerable<string> Folders()
    {
        yield return evidence.Folder;
        if (DeskDatabase.ParseProvider(configuration[DeskDatabase.ProviderKey]) == DatabaseProvider.Sqlite)
        {
            var file = new SqliteConnectionStringBuilder(
                SqliteDatabase.ResolveConnectionString(configuration.GetConnectionString("IncidentDesk"), environment.ContentRootPath)).DataSource;
            if (file != ":memory:" && Path.GetDirectoryName(file) is { Length: > 0 } folder)
            {
                yield return folder;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storage nearly full: {Free} bytes free on the disk of {Folder} (minimum {Minimum}).")]
    private static partial void LogNearlyFull(ILogger logger, long free, string folder, long minimum);
}
