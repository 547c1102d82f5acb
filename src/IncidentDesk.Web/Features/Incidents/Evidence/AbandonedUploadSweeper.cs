namespace IncidentDesk.Web.Features.Incidents.Evidence;

/// <summary>
/// Deletes partial uploads a killed process left in the evidence folder: at start and then every few hours. Only those
/// untouched for an hour go, so an upload another instance is still receiving into a shared folder is never cut.
/// </summary>
internal sealed partial class AbandonedUploadSweeper(EvidenceStore store, TimeProvider time, ILogger<AbandonedUploadSweeper> logger)
    : BackgroundService
{
    internal static readonly TimeSpan Age = TimeSpan.FromHours(1);
    private static readonly TimeSpan Interval = TimeSpan.FromHours(6);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            try
            {
                var deleted = store.DeleteAbandonedUploads(time.GetUtcNow().UtcDateTime - Age);
                if (deleted > 0)
                {
                    LogDeleted(logger, deleted);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                LogFailed(logger, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Count} abandoned partial upload(s) from the evidence folder.")]
    private static partial void LogDeleted(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not sweep the evidence folder for abandoned partial uploads.")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
