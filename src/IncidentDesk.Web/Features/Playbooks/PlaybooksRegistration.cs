namespace IncidentDesk.Web.Features.Playbooks;

/// <summary>Playbooks: the federation's task templates.</summary>
internal static class PlaybooksRegistration
{
    public static IServiceCollection AddPlaybooks(this IServiceCollection services)
    {
        services.AddScoped<PlaybookService>();
        return services;
    }
}
