namespace IncidentDesk.Web.Features.Preferences;

/// <summary>A person's language and theme.</summary>
internal static class PreferencesRegistration
{
    public static IServiceCollection AddPreferences(this IServiceCollection services)
    {
        services.AddScoped<UserPreferencesService>();
        return services;
    }

    public static IEndpointRouteBuilder MapPreferences(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPreferenceEndpoints();
        return endpoints;
    }
}
