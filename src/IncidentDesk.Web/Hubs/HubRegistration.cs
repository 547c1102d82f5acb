using IncidentDesk.Web.Api;
using IncidentDesk.Web.Features.Live;
using IncidentDesk.Web.Security;

namespace IncidentDesk.Web.Hubs;

internal static class HubRegistration
{
    public static IServiceCollection AddLiveUpdates(this IServiceCollection services)
    {
        services.AddSingleton<IChangeFeed, InProcessChangeFeed>();
        services.AddSignalR();
        services.AddHostedService<HubRelay>();
        return services;
    }

    /// <summary>The hub answers personal access tokens only, like the API: a browser cookie never opens it.</summary>
    public static void MapLiveUpdates(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapHub<IncidentsHub>(IncidentsHub.Path)
            .RequireAuthorization(ApiRegistration.Policy)
            .RequireRateLimiting(RateLimits.Api)
            .WithMetadata(new NoStatusCodePages());
}
