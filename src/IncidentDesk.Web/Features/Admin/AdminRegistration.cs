namespace IncidentDesk.Web.Features.Admin;

/// <summary>Services of user administration and invitations (their pages are routed by Blazor).</summary>
internal static class AdminRegistration
{
    public static IServiceCollection AddAdministration(this IServiceCollection services)
    {
        services.AddScoped<InvitationService>();
        services.AddScoped<UserAdministrationService>();
        return services;
    }
}
