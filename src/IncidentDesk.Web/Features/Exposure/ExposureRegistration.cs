using IncidentDesk.Core.Common;
using IncidentDesk.Web.Features.Campaigns;
using IncidentDesk.Web.Features.Exposure.Endpoints;
using IncidentDesk.Web.Features.Exposure.Findings;
using IncidentDesk.Web.Features.Exposure.Probe;
using IncidentDesk.Web.Features.Exposure.Runs;

namespace IncidentDesk.Web.Features.Exposure;

/// <summary>Exposure watch's services, its schedule and its download.</summary>
internal static class ExposureRegistration
{
    public const string CsvRoute = "/exposure/csv";

    public static IServiceCollection AddExposureWatch(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ExposureWatchOptions>(configuration.GetSection(ExposureWatchOptions.Section));
        services.AddSingleton<KafkaProbe>();
        services.AddSingleton<CheckRecorder>();
        // Until the mail outbox registers its own notice (which then wins: it is added, this one only tried), nothing is mailed.
        services.AddSingleton<ExposureRunner>();
        services.AddHostedService<ExposureScheduler>();
        services.AddScoped<EndpointService>();
        services.AddScoped<EndpointImportService>();
        services.AddScoped<ExposureRunService>();
        services.AddScoped<ExposureQueryService>();
        services.AddScoped<ITaskCompletionCheck, ExposureTaskCompletion>();
        return services;
    }

    /// <summary>The list as CSV, with the filters on screen. Cookie-authenticated like the pages; scoped by the service.</summary>
    public static IEndpointRouteBuilder MapExposureWatch(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(CsvRoute, async (HttpContext context, ExposureQueryService query, EndpointState? state, string? uf, string? coop,
            CancellationToken ct) =>
        {
            var file = await query.ExportAsync(new EndpointFilter(state, uf, coop), ct);
            // A list of co-ops' open doors: the browser must neither guess the type nor keep a copy in its cache.
            context.Response.Headers.XContentTypeOptions = "nosniff";
            context.Response.Headers.CacheControl = "no-store";
            return TypedResults.File(file, CsvText.ContentType, "vigilancia-exposicao.csv");
        });
        return endpoints;
    }
}
