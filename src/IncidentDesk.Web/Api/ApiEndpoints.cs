using System.Text.Json;
using System.Text.Json.Serialization;
using IncidentDesk.Web.Features.Coops;
using IncidentDesk.Web.Features.Incidents;
using IncidentDesk.Web.Security;

namespace IncidentDesk.Web.Api;

public sealed record MeCoop(int Id, string Code, string Name);

public sealed record MeResponse(string Id, string Name, string? Email, string? Role, MeCoop? Coop);

public sealed record ApiPage<T>(IReadOnlyList<T> Items, int TotalCount, int Page, int PageSize);

/// <summary>Read endpoints: thin shells over the feature services, which scope every answer to the caller.</summary>
internal static class ApiEndpoints
{
    public const int DefaultPageSize = 25;

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static void MapApiEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet(ApiRoutes.Me, GetMeAsync).WithName("Api.Me");
        api.MapGet(ApiRoutes.Coops, SearchCoopsAsync).WithName("Api.Coops");
        api.MapGet(ApiRoutes.Coop, GetCoopAsync).WithName("Api.Coop");
        api.MapGet(ApiRoutes.Incidents, ListIncidentsAsync).WithName("Api.Incidents");
        api.MapGet(ApiRoutes.Incident, GetIncidentAsync).WithName("Api.Incident");
    }

    private static async Task<IResult> GetMeAsync(CurrentUser user, CoopDirectoryService coops, CancellationToken cancellationToken)
    {
        MeCoop? coop = null;
        if (user.CoopId is { } coopId && await coops.GetAsync(coopId, cancellationToken) is { } row)
        {
            coop = new MeCoop(row.Id, row.Code, row.Name);
        }

        var name = user.Principal.FindFirst(AppUserClaimsFactory.DisplayNameClaim)?.Value ?? user.Name;
        var email = user.Principal.FindFirst(System.Security.Claims.ClaimTypes.Email)?.Value;
        var role = AppRoles.All.FirstOrDefault(user.Principal.IsInRole);
        return TypedResults.Json(new MeResponse(user.UserId!, name, email, role, coop), Json);
    }

    private static async Task<IResult> SearchCoopsAsync(
        CoopDirectoryService coops, string? uf, string? q, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var query = new CoopQuery(Text: q, Uf: uf, Page: Math.Max(page ?? 0, 0),
            PageSize: Math.Clamp(pageSize ?? DefaultPageSize, 1, CoopDirectoryService.MaxPageSize));
        var result = await coops.SearchAsync(query, cancellationToken);
        return TypedResults.Json(new ApiPage<CoopRow>(result.Rows, result.TotalCount, query.Page, query.PageSize), Json);
    }

    private static async Task<IResult> GetCoopAsync(int id, CoopDirectoryService coops, CancellationToken cancellationToken) =>
        await coops.GetAsync(id, cancellationToken) is { } coop ? TypedResults.Json(coop, Json) : TypedResults.NotFound();

    private static async Task<IResult> ListIncidentsAsync(IncidentService incidents, CancellationToken cancellationToken) =>
        TypedResults.Json(await incidents.ListAsync(cancellationToken), Json);

    private static async Task<IResult> GetIncidentAsync(int id, IncidentService incidents, CancellationToken cancellationToken) =>
        await incidents.GetOverviewAsync(id, cancellationToken) is { } incident ? TypedResults.Json(incident, Json) : TypedResults.NotFound();
}
