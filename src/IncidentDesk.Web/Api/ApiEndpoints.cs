using IncidentDesk.Web.Features.Coops;
using IncidentDesk.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IncidentDesk.Web.Api;

public sealed record MeCoop(int Id, string Code, string Name);

public sealed record MeResponse(string Id, string Name, string? Email, string? Role, MeCoop? Coop);

public sealed record ApiPage<T>(IReadOnlyList<T> Items, int TotalCount, int Page, int PageSize);

/// <summary>Who am I, and the co-op directory: thin shells over the feature services, which scope every answer to the caller.</summary>
internal static class ApiEndpoints
{
    public const int DefaultPageSize = 25;

    public static void MapApiEndpoints(this RouteGroupBuilder api)
    {
        var account = api.MapApiArea("Account", "Who a token acts as: its owner's name, role and co-op.");
        account.MapGet(ApiRoutes.Me, GetMeAsync).WithName("Api.Me")
            .WithSummary("Who the token acts as").WithDescription("The token owner's name, e-mail, role and (for a liaison) co-op.");
        var coops = api.MapApiArea("Co-ops", "The directory of the federation's co-operatives; a liaison sees only their own.");
        coops.MapGet(ApiRoutes.Coops, SearchCoopsAsync).WithName("Api.Coops")
            .WithSummary("Search the co-op directory")
            .WithDescription("Paged (page counts from 0); a liaison sees only their own co-op.");
        coops.MapGet(ApiRoutes.Coop, GetCoopAsync).WithName("Api.Coop")
            .WithSummary("One co-op").WithDescription("404 when the co-op does not exist or is not visible to the caller.");
    }

    private static async Task<Ok<MeResponse>> GetMeAsync(CurrentUser user, CoopDirectoryService coops, CancellationToken cancellationToken)
    {
        MeCoop? coop = null;
        if (user.CoopId is { } coopId && await coops.GetAsync(coopId, cancellationToken) is { } row)
        {
            coop = new MeCoop(row.Id, row.Code, row.Name);
        }

        var name = user.Principal.FindFirst(AppUserClaimsFactory.DisplayNameClaim)?.Value ?? user.Name;
        var email = user.Principal.FindFirst(System.Security.Claims.ClaimTypes.Email)?.Value;
        var role = AppRoles.All.FirstOrDefault(user.Principal.IsInRole);
        return TypedResults.Ok(new MeResponse(user.UserId!, name, email, role, coop));
    }

    private static async Task<Ok<ApiPage<CoopRow>>> SearchCoopsAsync(
        CoopDirectoryService coops, string? uf, string? q, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var query = new CoopQuery(Text: q, Uf: uf, Page: Math.Max(page ?? 0, 0),
            PageSize: Math.Clamp(pageSize ?? DefaultPageSize, 1, CoopDirectoryService.MaxPageSize));
        var result = await coops.SearchAsync(query, cancellationToken);
        return TypedResults.Ok(new ApiPage<CoopRow>(result.Rows, result.TotalCount, query.Page, query.PageSize));
    }

    private static async Task<Results<Ok<CoopRow>, NotFound>> GetCoopAsync(int id, CoopDirectoryService coops, CancellationToken cancellationToken) =>
        await coops.GetAsync(id, cancellationToken) is { } coop ? TypedResults.Ok(coop) : TypedResults.NotFound();
}
