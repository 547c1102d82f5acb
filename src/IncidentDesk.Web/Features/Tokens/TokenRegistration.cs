using Microsoft.AspNetCore.Authentication;

namespace IncidentDesk.Web.Features.Tokens;

/// <summary>Personal access tokens: their service, the Bearer authentication scheme.</summary>
internal static class TokenRegistration
{
    public static IServiceCollection AddPersonalAccessTokens(this IServiceCollection services)
    {
        services.AddScoped<PersonalAccessTokenService>();
        services.AddSingleton<TokenOwnerClaims>();
        // Not the default scheme: only endpoints whose policy names "Bearer" (the API) ever look at the header.
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, BearerTokenHandler>(BearerTokenHandler.SchemeName, displayName: null, _ => { });
        return services;
    }
}
