using IncidentDesk.Web.Api;
using IncidentDesk.Web.Features.Live;
using IncidentDesk.Web.Security;

namespace IncidentDesk.Web.Hubs;

internal static class HubRegistration
{
    /// <summary>One process by default; across instances through Redis when <c>IncidentDesk:Redis</c> is set.</summary>
    public static IServiceCollection AddLiveUpdates(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<IChangeFeed, InProcessChangeFeed>();
        services.AddMetrics();
        services.AddSingleton<LiveMetrics>();
        services.AddSignalR();
        services.AddHostedService<HubRelay>();
        services.AddSingleton<HubConnectionWatch>();
        services.AddHostedService(sp => sp.GetRequiredService<HubConnectionWatch>());
        return services.AddRedisScaleOut(configuration);
    }

    /// <summary>The hub answers personal access tokens only, like the API: a browser cookie never opens it.</summary>
    public static void MapLiveUpdates(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapHub<IncidentsHub>(IncidentsHub.Path)
            .RequireAuthorization(ApiRegistration.Policy)
            .RequireRateLimiting(RateLimits.Api)
            .WithMetadata(new NoStatusCodePages());
}
