using System.Globalization;
using System.Text.Json.Serialization;
using IncidentDesk.Web.Features.Tokens;
using IncidentDesk.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Localization;

namespace IncidentDesk.Web.Api;

/// <summary>The JSON API under /api/v1: the same feature services as the pages, authenticated by Bearer tokens.</summary>
internal static class ApiRegistration
{
    /// <summary>
    /// The pages' requirements (signed in, 2FA where the role needs it), but authenticated by a personal access
    /// token only: a browser's cookie never reaches the API, so no cross-site request can ride on it.
    /// </summary>
    public static AuthorizationPolicy Policy { get; } =
        new AuthorizationPolicyBuilder(BearerTokenHandler.SchemeName).Combine(Policies.Fallback).Build();

    public static IServiceCollection AddApi(this IServiceCollection services)
    {
        // Request and response bodies alike: camelCase (the web default) and enums by name, which stay stable if values are renumbered.
        // Instants must carry their offset and text holds no control characters: refused with the field named, never guessed.
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            o.SerializerOptions.Converters.Add(new OffsetRequiredConverter());
            o.SerializerOptions.Converters.Add(new PlainTextConverter());
        });
        // Unreadable bodies throw in every environment, so that one handler answers them the same way (400, field named).
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddExceptionHandler<UnreadableBodyHandler>();
        services.AddExceptionHandler<StorageTroubleHandler>();
        services.AddApiDocument();
        return services;
    }

    public static IEndpointRouteBuilder MapApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup(ApiRoutes.Prefix)
            .RequireAuthorization(Policy)
            .RequireRateLimiting(RateLimits.Api)
            // An API client gets a bare status code (or JSON), never the HTML "not found" page.
            .WithMetadata(new NoStatusCodePages())
            .AddEndpointFilter(ActAsTokenOwner);
        api.MapApiEndpoints();
        api.MapIncidentEndpoints();
        api.MapFigureEndpoints();
        api.MapInvolvementEndpoints();
        api.MapTimelineEndpoints();
        api.MapTaskEndpoints();
        api.MapDeadlineEndpoints();
        api.MapCampaignEndpoints();
        endpoints.MapApiDocument();
        return endpoints;
    }

    /// <summary>
    /// CurrentUser is set from the cookie principal before authorization runs; the Bearer principal exists only
    /// once the API policy has authenticated it, so the services must be told who is acting here. The language of
    /// messages follows Accept-Language (pt-BR unless en-US is preferred): an API client has no culture cookie.
    /// </summary>
    private static async ValueTask<object?> ActAsTokenOwner(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        http.RequestServices.GetRequiredService<CurrentUser>().Set(http.User);
        UseRequestedCulture(http);
        var result = await next(context);
        // Every refusal is a problem a client can read; an endpoint's bare "not found" becomes the one 404 problem here.
        return result is NotFound or INestedHttpResult { Result: NotFound }
            ? ApiProblems.NotFound(http.RequestServices.GetRequiredService<IStringLocalizer<ApiResource>>())
            : result;
    }

    /// <summary>The API's language for this request: Accept-Language, pt-BR unless English is preferred.</summary>
    public static void UseRequestedCulture(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var culture = RequestedCulture(http.Request);
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = culture;
    }

    /// <summary>An endpoint of this API (mapped in the group above), as opposed to none or the framework's "method not allowed".</summary>
    public static bool IsApiEndpoint(Endpoint? endpoint) => endpoint?.Metadata.GetMetadata<NoStatusCodePages>() is not null;

    private static CultureInfo RequestedCulture(HttpRequest request)
    {
        var preferred = request.GetTypedHeaders().AcceptLanguage
            .OrderByDescending(l => l.Quality ?? 1)
            .Select(l => l.Value.Value)
            .FirstOrDefault(v => v is not null && HostingExtensions.SupportedCultures.Any(c => Matches(c, v)));
        return HostingExtensions.SupportedCultures.FirstOrDefault(c => preferred is not null && Matches(c, preferred))
            ?? HostingExtensions.SupportedCultures[0];
    }

    // "en" and "en-GB" ask for English as much as "en-US" does; "pt" for Portuguese.
    private static bool Matches(CultureInfo culture, string tag) =>
        string.Equals(culture.Name, tag, StringComparison.OrdinalIgnoreCase)
        || string.Equals(culture.TwoLetterISOLanguageName, tag.Split('-')[0], StringComparison.OrdinalIgnoreCase);
}

/// <summary>Endpoint metadata that keeps the HTML status-code pages away from API responses.</summary>
internal sealed class NoStatusCodePages : ISkipStatusCodePagesMetadata;
