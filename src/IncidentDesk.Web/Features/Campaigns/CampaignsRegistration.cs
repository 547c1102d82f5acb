using IncidentDesk.Web.Features.Campaigns.Matrix;
using IncidentDesk.Web.Features.Campaigns.Tasks;
using IncidentDesk.Web.Features.Live;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace IncidentDesk.Web.Features.Campaigns;

/// <summary>Campaigns: launches, the co-ops' tasks, the progress matrix and its exports.</summary>
internal static class CampaignsRegistration
{
    public static IServiceCollection AddCampaigns(this IServiceCollection services)
    {
        services.AddScoped<CampaignService>();
        services.AddScoped<CampaignCancellationService>();
        services.AddScoped<CoopTaskService>();
        services.AddScoped<CampaignProgressService>();
        // One read per change for the open pages that ask the same (the matrices' changed cells, the campaign lists).
        services.TryAddSingleton<SharedReads>();
        return services;
    }

    public static IEndpointRouteBuilder MapCampaigns(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMatrixExports();
        return endpoints;
    }
}
