using IncidentDesk.Core.Incidents;
using IncidentDesk.Web.Features.Incidents;
using IncidentDesk.Web.Features.Incidents.Involvement;
using IncidentDesk.Web.Outcomes;

using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace IncidentDesk.Web.Api;

/// <summary>Co-ops added to an incident: one, or in bulk (every active co-op of a UF, of a federation, or all of them).</summary>
public sealed record InvolvementAddInput(
    int? CoopId = null, string? Uf = null, int? FederationId = null, bool? All = null, InvolvementRole? Role = null);

/// <summary>How many co-ops were added (those already involved are skipped).</summary>
public sealed record InvolvementAdded(int Added);

/// <summary>A co-op's part in the incident. A different knowledge time moves its legal deadline, so it needs a reason.</summary>
public sealed record InvolvementUpdateInput(DateTimeOffset? KnowledgeAt, InvolvementRole? Role = null, string? Reason = null, string? Notes = null);

/// <summary>Which co-ops take part in an incident, in what role, since when they know.</summary>
internal static class InvolvementEndpoints
{
    public static void MapInvolvementEndpoints(this RouteGroupBuilder api)
    {
        var involvements = api.MapApiArea("Co-op involvement",
            "Which co-ops take part in an incident, in what role, and since when they know (their legal deadlines count from then).");
        involvements.MapGet(ApiRoutes.Involvements, ListAsync).WithName("Api.Involvements")
            .WithSummary("The co-ops involved in an incident")
            .WithDescription("A liaison sees only their own co-op's involvement; 404 when the incident is not visible.");
        involvements.MapPost(ApiRoutes.Involvements, AddAsync).WithName("Api.AddInvolvements")
            .WithSummary("Involve co-ops (officers)")
            .WithDescription("Give exactly one of coopId, uf, federationId or all=true; role defaults to UnderAssessment.")
            .ProducesProblem(StatusCodes.Status403Forbidden);
        involvements.MapPut(ApiRoutes.Involvement, UpdateAsync).WithName("Api.UpdateInvolvement")
            .WithSummary("Change a co-op's involvement (officers)")
            .WithDescription("knowledgeAt is required (not in the future); changing it needs a reason. Without role the current role is kept. "
                + "404 when the co-op is not involved.")
            .ProducesProblem(StatusCodes.Status403Forbidden);
    }

    private static async Task<Results<Ok<IReadOnlyList<InvolvementRow>>, NotFound>> ListAsync(
        int id, IncidentService incidents, InvolvementService involvements, CancellationToken cancellationToken) =>
        await incidents.GetOverviewAsync(id, cancellationToken) is not null && await involvements.ListAsync(id, cancellationToken) is { } rows
            ? TypedResults.Ok(rows)
            : TypedResults.NotFound();

    private static async Task<Results<Ok<InvolvementAdded>, ValidationProblem, ProblemHttpResult, NotFound>> AddAsync(
        int id, InvolvementAddInput input, IncidentService incidents, InvolvementService involvements,
        IStringLocalizer<FiguresResource> texts, IStringLocalizer<ApiResource> api, CancellationToken cancellationToken)
    {
        if (await incidents.GetOverviewAsync(id, cancellationToken) is null)
        {
            return TypedResults.NotFound();
        }

        var role = input.Role ?? InvolvementRole.UnderAssessment;
        var modes = (input.CoopId is null ? 0 : 1) + (input.Uf is null ? 0 : 1) + (input.FederationId is null ? 0 : 1) + (input.All == true ? 1 : 0);
        var result = modes != 1 ? await involvements.AddAsync(id, [], role, cancellationToken) // refuses the role, or says "no co-ops"
            : input.CoopId is { } coopId ? await involvements.AddAsync(id, [coopId], role, cancellationToken)
            : input.Uf is { } uf ? await involvements.AddByUfAsync(id, uf, role, cancellationToken)
            : input.FederationId is { } federationId ? await involvements.AddByFederationAsync(id, federationId, role, cancellationToken)
            : await involvements.AddAllAsync(id, role, cancellationToken);
        if (modes > 1 && !result.IsForbidden)
        {
            return Result.Invalid("", "OneMode", "Involvement.OneMode").ToProblem<Ok<InvolvementAdded>>(api, api);
        }

        return result.ToHttp(count => TypedResults.Ok(new InvolvementAdded(count)), texts, api);
    }

    private static async Task<Results<Ok<InvolvementRow>, ValidationProblem, ProblemHttpResult, NotFound>> UpdateAsync(
        int id, int coopId, InvolvementUpdateInput input, IncidentService incidents, InvolvementService involvements,
        IStringLocalizer<FiguresResource> texts, IStringLocalizer<ApiResource> api, CancellationToken cancellationToken)
    {
        if (await incidents.GetOverviewAsync(id, cancellationToken) is null)
        {
            return TypedResults.NotFound();
        }

        var row = await RowAsync(involvements, id, coopId, cancellationToken);
        DateTime? knowledge = input.KnowledgeAt is { } k ? DateTime.SpecifyKind(k.UtcDateTime, DateTimeKind.Utc) : null;
        // A co-op that is not involved has no involvement to change; the service still decides first whether this role may write.
        var result = await involvements.UpdateAsync(row?.Id ?? -1, input.Role ?? row?.Role ?? InvolvementRole.UnderAssessment,
            knowledge, input.Reason, input.Notes, cancellationToken);
        if (!result.Succeeded)
        {
            return result.ToProblem<Ok<InvolvementRow>>(texts, api);
        }

        return row is not null && await RowAsync(involvements, id, coopId, cancellationToken) is { } updated
            ? TypedResults.Ok(updated)
            : TypedResults.NotFound();
    }

    private static async Task<InvolvementRow?> RowAsync(InvolvementService involvements, int incidentId, int coopId, CancellationToken cancellationToken) =>
        (await involvements.ListAsync(incidentId, cancellationToken))?.FirstOrDefault(v => v.CoopId == coopId);
}
