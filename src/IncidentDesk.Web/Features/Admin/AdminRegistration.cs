namespace IncidentDesk.Web.Features.Admin;

/// <summary>Services and endpoints of user administration and invitations.</summary>
internal static class AdminRegistration
{
    public static IServiceCollection AddAdministration(this IServiceCollection services)
    {
        services.AddScoped<InvitationService>();
        services.AddScoped<UserAdministrationService>();
        return services;
    }

    public static IEndpointRouteBuilder MapAdministration(this IEndpointRouteBuilder endpoints) => endpoints;
}
