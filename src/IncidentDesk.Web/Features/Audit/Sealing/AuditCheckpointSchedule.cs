using Microsoft.Extensions.Options;

namespace IncidentDesk.Web.Features.Audit.Sealing;

/// <summary>
/// Writes a checkpoint at start and then at the configured interval whenever the chain has grown, and picks up sealing keys
/// that were rotated meanwhile. Work nobody does on a person's behalf, so it reads the chain federation-wide.
/// </summary>
public sealed partial class AuditCheckpointSchedule(
    AuditCheckpoints checkpoints, AuditKeyStore keys, IOptions<AuditSealingOptions> options, TimeProvider time,
    ILogger<AuditCheckpointSchedule> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.CheckpointInterval, time);
        do
        {
            try
            {
                keys.Refresh();
                var written = await checkpoints.WriteAsync("interval", onlyIfGrown: true, cancellationToken: stoppingToken);
                if (written is { } checkpoint)
                {
                    LogWritten(checkpoint.Checkpoint.Count, checkpoint.Path);
                }
            }
            catch (CheckpointRefusedException e)
            {
                LogRefused(e.Message);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException or System.Data.Common.DbException && !stoppingToken.IsCancellationRequested)
            {
                // A missing table before the first migration, a full disk: try again at the next tick.
                LogNotWritten(e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Audit checkpoint written: {Count} entries, {Path}")]
    private partial void LogWritten(long count, string path);

    [LoggerMessage(Level = LogLevel.Error, Message = "Audit checkpoint refused: {Reason}")]
    private partial void LogRefused(string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Audit checkpoint not written this time")]
    private partial void LogNotWritten(Exception exception);
}
