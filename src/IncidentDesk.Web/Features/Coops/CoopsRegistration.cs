namespace IncidentDesk.Web.Features.Coops;

/// <summary>The co-op directory: listing, profiles, CSV import and export.</summary>
internal static class CoopsRegistration
{
    public static IServiceCollection AddCoops(this IServiceCollection services)
    {
        services.AddScoped<CoopDirectoryService>();
        services.AddScoped<CoopProfileService>();
        services.AddScoped<CoopImportService>();
        return services;
    }

    public static IEndpointRouteBuilder MapCoops(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapCoopExport();
        return endpoints;
    }
}
