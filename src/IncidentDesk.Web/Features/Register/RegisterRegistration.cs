namespace IncidentDesk.Web.Features.Register;

/// <summary>The incident register kept for five years (CD/ANPD resolution 15, art. 10) and its export.</summary>
internal static class RegisterRegistration
{
    public static IServiceCollection AddRegister(this IServiceCollection services)
    {
        services.AddScoped<RegisterService>();
        return services;
    }

    public static IEndpointRouteBuilder MapRegister(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapRegisterExport();
        return endpoints;
    }
}
