namespace IncidentDesk.Web.Features.Tokens;

/// <summary>Personal access tokens: their service, the Bearer authentication scheme.</summary>
internal static class TokenRegistration
{
    public static IServiceCollection AddPersonalAccessTokens(this IServiceCollection services) => services;
}
