using IncidentDesk.Web.Security;
using Microsoft.AspNetCore.SignalR;

namespace IncidentDesk.Web.Hubs;

/// <summary>
/// <c>/hubs/incidents</c>: relays the change feed to external clients (a co-op's ticketing tool, a wall screen). The
/// groups are decided here from the caller's token, never asked for by the client: officers and auditors hear every
/// change, a liaison only their own co-op's. Clients receive <see cref="ChangeMethod"/> messages and call nothing.
/// </summary>
public sealed class IncidentsHub : Hub
{
    public const string Path = "/hubs/incidents";
    public const string ChangeMethod = "change";
    public const string FederationGroup = "federation";

    public static string CoopGroup(int coopId) => $"coop-{coopId}";

    public override async Task OnConnectedAsync()
    {
        var user = new CurrentUser();
        user.Set(Context.User ?? new());
        if (user.SeesAllCoops)
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, FederationGroup);
        }
        else if (user.IsLiaison && user.CoopId is { } coopId)
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, CoopGroup(coopId));
        }

        await base.OnConnectedAsync();
    }
}
