namespace IncidentDesk.Web.Features.Account;

/// <summary>Signing in and out, and the first account of a fresh desk.</summary>
internal static class AccountRegistration
{
    public static IServiceCollection AddAccount(this IServiceCollection services)
    {
        services.AddSingleton<FirstRunSetup>();
        services.AddScoped<AccountBootstrapper>();
        return services;
    }

    public static IEndpointRouteBuilder MapAccount(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapAccountEndpoints();
        return endpoints;
    }
}
