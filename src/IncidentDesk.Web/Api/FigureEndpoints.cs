using IncidentDesk.Web.Features.Incidents;
using IncidentDesk.Web.Features.Incidents.Figures;
using IncidentDesk.Web.Outcomes;

using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace IncidentDesk.Web.Api;

/// <summary>An incident's key figures (people affected, records exposed…), each with its status and source.</summary>
internal static class FigureEndpoints
{
    public static void MapFigureEndpoints(this RouteGroupBuilder api)
    {
        var figures = api.MapApiArea("Key figures",
            "An incident's key figures (people affected, records exposed…), each with its status, source and as-of date.");
        figures.MapGet(ApiRoutes.Figures, ListAsync).WithName("Api.Figures")
            .WithSummary("An incident's key figures").WithDescription("404 when the incident is not visible to the caller.");
        figures.MapPost(ApiRoutes.Figures, AddAsync).WithName("Api.AddFigure")
            .WithSummary("Add a key figure (officers)")
            .WithDescription("Label, value (not negative), unit, status, source and as-of date (not in the future) are required.")
            .ProducesProblem(StatusCodes.Status403Forbidden);
        figures.MapPut(ApiRoutes.Figure, UpdateAsync).WithName("Api.UpdateFigure")
            .WithSummary("Change a key figure (officers)")
            .WithDescription("Replaces the figure's fields; the change is audited and noted on the timeline. 404 when the figure is not the incident's.")
            .ProducesProblem(StatusCodes.Status403Forbidden);
    }

    private static async Task<Results<Ok<IReadOnlyList<KeyFigureRow>>, NotFound>> ListAsync(
        int id, IncidentService incidents, KeyFigureService figures, CancellationToken cancellationToken) =>
        await incidents.GetOverviewAsync(id, cancellationToken) is not null && await figures.ListAsync(id, cancellationToken) is { } rows
            ? TypedResults.Ok(rows)
            : TypedResults.NotFound();

    private static async Task<Results<Created<KeyFigureRow>, ValidationProblem, ProblemHttpResult, NotFound>> AddAsync(
        int id, KeyFigureInput input, IncidentService incidents, KeyFigureService figures, IStringLocalizer<FiguresResource> texts,
        IStringLocalizer<ApiResource> api, CancellationToken cancellationToken)
    {
        if (await incidents.GetOverviewAsync(id, cancellationToken) is null)
        {
            return TypedResults.NotFound();
        }

        var result = await figures.AddAsync(id, input, cancellationToken);
        if (!result.Succeeded)
        {
            return result.ToProblem<Created<KeyFigureRow>>(texts, api);
        }

        return await RowAsync(figures, id, result.Value, cancellationToken) is { } row
            ? TypedResults.Created((string?)null, row)
            : TypedResults.NotFound();
    }

    private static async Task<Results<Ok<KeyFigureRow>, ValidationProblem, ProblemHttpResult, NotFound>> UpdateAsync(
        int id, int figureId, KeyFigureInput input, IncidentService incidents, KeyFigureService figures,
        IStringLocalizer<FiguresResource> texts, IStringLocalizer<ApiResource> api, CancellationToken cancellationToken)
    {
        if (await incidents.GetOverviewAsync(id, cancellationToken) is null)
        {
            return TypedResults.NotFound();
        }

        // A figure of another incident is no figure of this one; the service still decides first whether this role may write.
        var belongs = await RowAsync(figures, id, figureId, cancellationToken) is not null;
        var result = await figures.UpdateAsync(belongs ? figureId : -1, input, cancellationToken);
        if (!belongs && !result.IsForbidden)
        {
            return TypedResults.NotFound();
        }

        if (!result.Succeeded)
        {
            return result.ToProblem<Ok<KeyFigureRow>>(texts, api);
        }

        return await RowAsync(figures, id, figureId, cancellationToken) is { } row ? TypedResults.Ok(row) : TypedResults.NotFound();
    }

    private static async Task<KeyFigureRow?> RowAsync(KeyFigureService figures, int incidentId, int? figureId, CancellationToken cancellationToken) =>
        (await figures.ListAsync(incidentId, cancellationToken))?.FirstOrDefault(f => f.Id == figureId);
}
