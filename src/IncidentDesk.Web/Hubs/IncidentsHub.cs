using IncidentDesk.Web.Security;
using Microsoft.AspNetCore.SignalR;

namespace IncidentDesk.Web.Hubs;

/// <summary>
/// <c>/hubs/incidents</c>: relays the change feed to external clients (a co-op's ticketing tool, a wall screen). The
/// groups are decided here from the caller's token, never asked for by the client: officers and auditors hear every
/// change, a liaison only their own co-op's. Clients receive <see cref="ChangeMethod"/> messages; the one method they
/// may call, <see cref="Scope"/>, says what they will hear (and, answered, proves the subscription is in place).
/// </summary>
public sealed class IncidentsHub(HubConnectionWatch watch) : Hub
{
    public const string Path = "/hubs/incidents";
    public const string ChangeMethod = "change";
    public const string FederationGroup = "federation";

    public static string CoopGroup(int coopId) => $"coop-{coopId}";

    public override async Task OnConnectedAsync()
    {
        watch.Opened(Context);
        if (ScopeOf(Context.User) is { } group)
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, group);
        }

        await base.OnConnectedAsync();
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        watch.Closed(Context);
        return base.OnDisconnectedAsync(exception);
    }

    /// <summary>The group this connection hears: <c>federation</c>, <c>coop-{id}</c>, or null (nothing).</summary>
    public string? Scope() => ScopeOf(Context.User);

    private static string? ScopeOf(System.Security.Claims.ClaimsPrincipal? principal)
    {
        var user = new CurrentUser();
        user.Set(principal ?? new());
        return user.IsOfficerOrAuditor ? FederationGroup
            : user.IsLiaison && user.CoopId is { } coopId ? CoopGroup(coopId)
            : null;
    }
}
