using System.Globalization;

using IncidentDesk.Core.Incidents;
using IncidentDesk.Web.Features.Incidents;
using IncidentDesk.Web.Features.Incidents.Intake;
using IncidentDesk.Web.Outcomes;

using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace IncidentDesk.Web.Api;

/// <summary>The incident register: list, read, create, correct details, move along the workflow.</summary>
internal static class IncidentEndpoints
{
    public static void MapIncidentEndpoints(this RouteGroupBuilder api)
    {
        var incidents = api.MapApiArea("Incidents",
            "The incident register: list, read, register, correct an incident's details and move it along its workflow.");
        incidents.MapGet(ApiRoutes.Incidents, SearchAsync).WithName("Api.Incidents")
            .WithSummary("List incidents")
            .WithDescription("Paged, filtered and sorted like the incident list page; a liaison sees only incidents their co-op is involved in. "
                + "status and severity may repeat; from/to are Brasília calendar days (inclusive); page counts from 0; dir is asc or desc.");
        incidents.MapGet(ApiRoutes.Incident, GetAsync).WithName("Api.Incident")
            .WithSummary("One incident's overview")
            .WithDescription("Figures, involvements and timeline included; for a liaison only what is shared with co-ops. 404 when not visible.");
        incidents.MapPost(ApiRoutes.Incidents, CreateAsync).WithName("Api.CreateIncident")
            .WithSummary("Register a new incident (officers)")
            .WithDescription("Validated like the intake form: required fields, lengths, no moment in the future. Starts in status Reported.")
            .ProducesProblem(StatusCodes.Status403Forbidden);
        incidents.MapPut(ApiRoutes.Incident, UpdateAsync).WithName("Api.UpdateIncident")
            .WithSummary("Correct an incident's details (officers)")
            .WithDescription("Replaces the details with the body, validated like intake; reference and status never change here. "
                + "Without knowledgeAt the current knowledge time is kept. The change is audited and noted on the timeline.")
            .ProducesProblem(StatusCodes.Status403Forbidden);
        incidents.MapPost(ApiRoutes.Transitions, TransitionAsync).WithName("Api.Transition")
            .WithSummary("Change an incident's status (officers)")
            .WithDescription("Only the workflow's steps are accepted; a step the workflow does not allow answers 409 with the reason.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<Ok<ApiPage<IncidentSummary>>> SearchAsync(
        IncidentService incidents, string? q, IncidentStatus[]? status, IncidentSeverity[]? severity, ReportSource? source, int? coopId,
        string? uf, DateOnly? from, DateOnly? to, IncidentSort? sort, string? dir, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var query = new IncidentQuery
        {
            Text = q, Statuses = status, Severities = severity, Source = source, CoopId = coopId, Uf = uf, From = from, To = to,
            Sort = sort ?? IncidentSort.ReportedAt,
            Descending = !string.Equals(dir, "asc", StringComparison.OrdinalIgnoreCase),
            Page = Math.Max(page ?? 0, 0),
            PageSize = Math.Clamp(pageSize ?? ApiEndpoints.DefaultPageSize, 1, IncidentQuery.MaxPageSize),
        };
        var result = await incidents.SearchAsync(query, cancellationToken);
        return TypedResults.Ok(new ApiPage<IncidentSummary>(result.Rows, result.TotalCount, query.Page, query.PageSize));
    }

    private static async Task<Results<Ok<IncidentOverview>, NotFound>> GetAsync(int id, IncidentService incidents, CancellationToken cancellationToken) =>
        await incidents.GetOverviewAsync(id, cancellationToken) is { } incident ? TypedResults.Ok(incident) : TypedResults.NotFound();

    private static async Task<Results<Created<IncidentCreated>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        IncidentInput input, IncidentIntakeService intakeService, IStringLocalizer<IntakeResource> intake, IStringLocalizer<ApiResource> api,
        CancellationToken cancellationToken)
    {
        var result = await intakeService.CreateAsync(input.ToFormModel(), cancellationToken);
        return result.ToCreateHttp(created => TypedResults.Created(
            $"{ApiRoutes.Prefix}/{ApiRoutes.Incidents}/{created.Id.ToString(CultureInfo.InvariantCulture)}",
            new IncidentCreated(created.Id, created.Reference)), intake, api);
    }

    private static async Task<Results<Ok<IncidentOverview>, ValidationProblem, ProblemHttpResult, NotFound>> UpdateAsync(
        int id, IncidentInput input, IncidentService incidents, IncidentIntakeService intakeService, IStringLocalizer<IntakeResource> intake,
        IStringLocalizer<ApiResource> api, CancellationToken cancellationToken)
    {
        if (await incidents.GetOverviewAsync(id, cancellationToken) is null)
        {
            return TypedResults.NotFound();
        }

        var result = await intakeService.UpdateAsync(id, input.ToFormModel(), cancellationToken: cancellationToken);
        if (!result.Succeeded)
        {
            return result.ToProblem<Ok<IncidentOverview>>(intake, api);
        }

        return await incidents.GetOverviewAsync(id, cancellationToken) is { } updated ? TypedResults.Ok(updated) : TypedResults.NotFound();
    }

    private static async Task<Results<Ok<IncidentOverview>, ValidationProblem, ProblemHttpResult, NotFound>> TransitionAsync(
        int id, TransitionInput input, IncidentService incidents, IncidentIntakeService intakeService, IStringLocalizer<IntakeResource> intake,
        IStringLocalizer<ApiResource> api, CancellationToken cancellationToken)
    {
        // Never confirm an id the caller may not see: 404 first, then the service decides whether this role may write.
        if (await incidents.GetOverviewAsync(id, cancellationToken) is null)
        {
            return TypedResults.NotFound();
        }

        // Without a target the service still runs (with a status no arrow leads to): who may ask is settled before what was asked.
        var result = await intakeService.TransitionAsync(id, input.To ?? (IncidentStatus)(-1), input.Reason, cancellationToken);
        if (input.To is null && !result.IsForbidden)
        {
            return Result.Invalid("To", IntakeError.Required, "Error.Required").ToProblem<Ok<IncidentOverview>>(api, api);
        }

        if (!result.Succeeded)
        {
            return result.ToProblem<Ok<IncidentOverview>>(intake, api, new ConflictWording(api["Transition.Title"]));
        }

        return await incidents.GetOverviewAsync(id, cancellationToken) is { } moved ? TypedResults.Ok(moved) : TypedResults.NotFound();
    }
}
