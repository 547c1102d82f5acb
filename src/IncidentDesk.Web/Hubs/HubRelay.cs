using IncidentDesk.Web.Features.Live;
using Microsoft.AspNetCore.SignalR;

namespace IncidentDesk.Web.Hubs;

/// <summary>
/// Forwards the changes committed in this process to the hub's groups for as long as the app runs. Only those: when
/// instances are scaled out, the hub's Redis backplane already carries a group send to the clients of every instance,
/// so relaying another instance's change again would deliver it twice. In one process every change is local.
/// </summary>
internal sealed partial class HubRelay(IChangeFeed feed, IHubContext<IncidentsHub> hub, ILogger<HubRelay> logger) : IHostedService
{
    private IDisposable? _subscription;
    private int _failing;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _subscription = feed.Subscribe(RelayAsync, FeedScope.LocalOrigin);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _subscription?.Dispose();
        return Task.CompletedTask;
    }

    private async Task RelayAsync(DeskChange change)
    {
        try
        {
            if (change.Kind == ChangeKind.CatchUp)
            {
                // Every client may have missed something, liaisons' tools included: all of them re-read.
                await hub.Clients.All.SendAsync(IncidentsHub.ChangeMethod, change);
            }
            else
            {
                await hub.Clients.Group(IncidentsHub.FederationGroup).SendAsync(IncidentsHub.ChangeMethod, change);
            }

            if (change.CoopId is { } coopId)
            {
                await hub.Clients.Group(IncidentsHub.CoopGroup(coopId)).SendAsync(IncidentsHub.ChangeMethod, change);
            }

            if (Interlocked.Exchange(ref _failing, 0) == 1)
            {
                LogRecovered(logger);
            }
        }
#pragma warning disable CA1031 // The hub's transport (the Redis backplane) being away must not fail the write that published.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            // Once per outage, not once per change: a busy desk would otherwise flood the log while Redis is down.
            if (Interlocked.Exchange(ref _failing, 1) == 0)
            {
                LogFailing(logger, exception);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Hub clients are not hearing changes: the hub cannot send")]
    private static partial void LogFailing(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Hub clients hear changes again")]
    private static partial void LogRecovered(ILogger logger);
}
