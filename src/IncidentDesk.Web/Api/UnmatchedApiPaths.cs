using IncidentDesk.Web.Features.Tokens;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Localization;

namespace IncidentDesk.Web.Api;

/// <summary>
/// A request under /api that no API endpoint answers (a mistyped path, an unknown version, a method a path does not take)
/// would otherwise fall to the pages' rules: the fallback policy and a redirect to the HTML sign-in page. An API client
/// gets JSON instead: 401 without a valid token (so paths cannot be probed anonymously), else a 404 problem.
/// </summary>
internal static class UnmatchedApiPaths
{
    public static void UseUnmatchedApiPaths(this WebApplication app) => app.Use(async (context, next) =>
    {
        if (!context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
            || ApiRegistration.IsApiEndpoint(context.GetEndpoint()))
        {
            await next(context);
            return;
        }

        var authenticated = await context.AuthenticateAsync(BearerTokenHandler.SchemeName);
        if (!authenticated.Succeeded)
        {
            await context.ChallengeAsync(BearerTokenHandler.SchemeName);
            return;
        }

        ApiRegistration.UseRequestedCulture(context);
        var api = context.RequestServices.GetRequiredService<IStringLocalizer<ApiResource>>();
        await ApiProblems.NoSuchEndpoint(api, context.Request.Method, context.Request.Path.Value ?? "/").ExecuteAsync(context);
    });
}
