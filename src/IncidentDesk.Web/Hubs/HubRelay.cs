using IncidentDesk.Web.Features.Live;
using Microsoft.AspNetCore.SignalR;

namespace IncidentDesk.Web.Hubs;

/// <summary>
/// Forwards the changes committed in this process to the hub's groups for as long as the app runs. Only those: when
/// instances are scaled out, the hub's Redis backplane already carries a group send to the clients of every instance,
/// so relaying another instance's change again would deliver it twice. In one process every change is local.
/// </summary>
internal sealed class HubRelay(IChangeFeed feed, IHubContext<IncidentsHub> hub) : IHostedService
{
    private IDisposable? _subscription;

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
        await hub.Clients.Group(IncidentsHub.FederationGroup).SendAsync(IncidentsHub.ChangeMethod, change);
        if (change.CoopId is { } coopId)
        {
            await hub.Clients.Group(IncidentsHub.CoopGroup(coopId)).SendAsync(IncidentsHub.ChangeMethod, change);
        }
    }
}
