using IncidentDesk.Core.Exposure;
using IncidentDesk.Data.Audit;
using Microsoft.Extensions.Options;

namespace IncidentDesk.Web.Features.Exposure.Runs;

/// <summary>
/// Starts the scheduled run of every slot (daily by default). Every instance looks every
/// <see cref="ExposureScheduleOptions.Tick"/>; the first to insert the slot's run row runs it, the others find the row
/// (or fail to insert it) and leave it — so with several instances behind a load balancer the federation's brokers are
/// still visited once per slot.
/// </summary>
public sealed partial class ExposureScheduler(
    ExposureRunner runner, IOptions<ExposureWatchOptions> options, TimeProvider time, ILogger<ExposureScheduler> logger) : BackgroundService
{
    /// <summary>Who the audit trail names for scheduled runs.</summary>
    public static readonly AuditActor Actor = new(null, "system:exposure-watch");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var schedule = options.Value.Schedule;
        if (!schedule.Enabled || schedule.Every <= TimeSpan.Zero)
        {
            return;
        }

        using var timer = new PeriodicTimer(schedule.Tick, time);
        do
        {
            await RunDueSlotAsync(schedule, stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task RunDueSlotAsync(ExposureScheduleOptions schedule, CancellationToken stoppingToken)
    {
        var slot = ExposureSchedule.Current(time.GetUtcNow().UtcDateTime, schedule.Every, schedule.At);
        try
        {
            var started = await runner.StartAsync(RunRequest.Scheduled(slot.Key), Actor, stoppingToken);
            if (started is not null)
            {
                LogStarted(logger, slot.Key, started.RunId, started.Planned);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
#pragma warning disable CA1031 // A failed start (database away) is logged; the next tick tries again.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            LogFailed(logger, exception, slot.Key);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Scheduled exposure run {RunId} of slot {Slot} started: {Planned} endpoints")]
    private static partial void LogStarted(ILogger logger, string slot, int runId, int planned);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not start the scheduled exposure run of slot {Slot}")]
    private static partial void LogFailed(ILogger logger, Exception exception, string slot);
}
