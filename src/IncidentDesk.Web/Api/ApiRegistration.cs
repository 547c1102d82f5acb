namespace IncidentDesk.Web.Api;

/// <summary>The JSON API under /api: the same feature services as the pages, authenticated by Bearer tokens.</summary>
internal static class ApiRegistration
{
    public static IServiceCollection AddApi(this IServiceCollection services) => services;

    public static IEndpointRouteBuilder MapApi(this IEndpointRouteBuilder endpoints) => endpoints;
}
