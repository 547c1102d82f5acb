using IncidentDesk.Web.Features.Incidents.Evidence;
using IncidentDesk.Web.Features.Incidents.Figures;
using IncidentDesk.Web.Features.Incidents.Intake;
using IncidentDesk.Web.Features.Incidents.Involvement;
using IncidentDesk.Web.Features.Incidents.Timeline;

namespace IncidentDesk.Web.Features.Incidents;

/// <summary>Incidents: the register's reads, intake and edits, key figures, co-ops involved, timeline, evidence.</summary>
internal static class IncidentsRegistration
{
    public static IServiceCollection AddIncidents(this IServiceCollection services)
    {
        services.AddScoped<IncidentService>();
        services.AddScoped<IncidentIntakeService>();
        services.AddScoped<KeyFigureService>();
        services.AddScoped<InvolvementService>();
        services.AddScoped<TimelineService>();
        services.AddSingleton<EvidenceStore>();
        services.AddHostedService<AbandonedUploadSweeper>();
        services.AddScoped<EvidenceService>();
        return services;
    }

    public static IEndpointRouteBuilder MapIncidents(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapEvidenceEndpoints();
        endpoints.MapTimelineExports();
        return endpoints;
    }
}
