namespace IncidentDesk.Web.Features.Dashboard;

/// <summary>The dashboard's one read.</summary>
internal static class DashboardRegistration
{
    public static IServiceCollection AddDashboard(this IServiceCollection services)
    {
        services.AddScoped<DashboardService>();
        return services;
    }
}
