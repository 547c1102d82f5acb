using System.Text.Json;
using IncidentDesk.Data.Audit;

namespace IncidentDesk.Web.Features.Audit;

/// <summary>Writes the count of each caller's refusals that a closed window only counted (and every open count at shutdown).</summary>
internal sealed partial class DenialCountFlush(DenialThrottle throttle, AuditTrail trail, Data.FederationWideDb federationDb,
    TimeProvider time, ILogger<DenialCountFlush> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(throttle.WindowLength / 2, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await FlushAsync(all: false, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: StopAsync writes what is still counted.
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await FlushAsync(all: true, cancellationToken);
    }

    private async Task FlushAsync(bool all, CancellationToken cancellationToken)
    {
        foreach (var window in throttle.TakeClosed(all))
        {
            try
            {
                var summary = window.Last with { Changes = CountedChanges(window) };
                // Written for the refused caller, by nobody's request: the trail's own unit of work, federation-wide.
                await using var db = await federationDb.CreateDbContextAsync(cancellationToken);
                await trail.SaveChangesAsync(db, window.Actor, summary, cancellationToken);
            }
#pragma warning disable CA1031 // One count failing to write (the database away) must not stop the others; the log says so.
            catch (Exception exception) when (exception is not OperationCanceledException)
#pragma warning restore CA1031
            {
                LogFlushFailed(logger, window.Actor.Name, window.Suppressed, exception);
            }
        }
    }

    private static string CountedChanges(DenialThrottle.Window window)
    {
        var fields = window.Last.Changes is { } json
            ? JsonSerializer.Deserialize<Dictionary<string, object?>>(json) ?? []
            : [];
        fields["Suppressed"] = window.Suppressed;
        fields["Since"] = window.Opened.UtcDateTime;
        return JsonSerializer.Serialize(fields);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not record {Count} counted refusals of {Caller}")]
    private static partial void LogFlushFailed(ILogger logger, string caller, int count, Exception exception);
}
