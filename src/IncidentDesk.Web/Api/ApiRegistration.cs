using IncidentDesk.Web.Features.Tokens;
using IncidentDesk.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Metadata;

namespace IncidentDesk.Web.Api;

/// <summary>The JSON API under /api: the same feature services as the pages, authenticated by Bearer tokens.</summary>
internal static class ApiRegistration
{
    /// <summary>
    /// The pages' requirements (signed in, 2FA where the role needs it), but authenticated by a personal access
    /// token only: a browser's cookie never reaches the API, so no cross-site request can ride on it.
    /// </summary>
    public static AuthorizationPolicy Policy { get; } =
        new AuthorizationPolicyBuilder(BearerTokenHandler.SchemeName).Combine(Policies.Fallback).Build();

    public static IServiceCollection AddApi(this IServiceCollection services) => services;

    public static IEndpointRouteBuilder MapApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup(ApiRoutes.Prefix)
            .RequireAuthorization(Policy)
            .RequireRateLimiting(RateLimits.Api)
            // An API client gets a bare status code (or JSON), never the HTML "not found" page.
            .WithMetadata(new NoStatusCodePages())
            .AddEndpointFilter(ActAsTokenOwner);
        api.MapApiEndpoints();
        return endpoints;
    }

    /// <summary>
    /// CurrentUser is set from the cookie principal before authorization runs; the Bearer principal exists only
    /// once the API policy has authenticated it, so the services must be told who is acting here.
    /// </summary>
    private static ValueTask<object?> ActAsTokenOwner(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        http.RequestServices.GetRequiredService<CurrentUser>().Set(http.User);
        return next(context);
    }
}

/// <summary>Endpoint metadata that keeps the HTML status-code pages away from API responses.</summary>
internal sealed class NoStatusCodePages : ISkipStatusCodePagesMetadata;
