using IncidentDesk.Web.Features.Live;
using Microsoft.AspNetCore.SignalR;

namespace IncidentDesk.Web.Hubs;

/// <summary>Forwards every change on the feed to the hub's groups for as long as the app runs.</summary>
internal sealed class HubRelay(IChangeFeed feed, IHubContext<IncidentsHub> hub) : IHostedService
{
    private IDisposable? _subscription;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _subscription = feed.Subscribe(RelayAsync);
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
