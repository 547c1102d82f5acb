using IncidentDesk.Core.Campaigns;
using IncidentDesk.Web.Features.Campaigns;
using IncidentDesk.Web.Features.Campaigns.Tasks;
using IncidentDesk.Web.Outcomes;

using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace IncidentDesk.Web.Api;

/// <summary>A status update as a co-op's own tool sends it; <see cref="Version"/> is the version it last read.</summary>
public sealed record TaskPatch(CoopTaskStatus Status, string? Note, string? Answer, int Version);

/// <summary>Co-op tasks for the co-ops' own ticketing tools: list, read, and update with the concurrency token.</summary>
internal static class TaskEndpoints
{
    public static void MapTaskEndpoints(this RouteGroupBuilder api)
    {
        var tasks = api.MapApiArea("Tasks",
            "Co-op tasks of notification campaigns, for the co-ops' own ticketing tools: list, read, and answer with the version read.");
        tasks.MapGet(ApiRoutes.Tasks, ListAsync).WithName("Api.Tasks")
            .WithSummary("My co-op's tasks, soonest due first")
            .WithDescription("A liaison gets their co-op's tasks across incidents; officers and auditors every co-op's. "
                + "Finished tasks (Done, NotApplicable) and tasks withdrawn with a cancelled campaign (Cancelled) only with includeFinished=true.");
        tasks.MapGet(ApiRoutes.Task, GetAsync).WithName("Api.Task")
            .WithSummary("One task").WithDescription("404 when the task is another co-op's.");
        tasks.MapPatch(ApiRoutes.Task, PatchAsync).WithName("Api.UpdateTask")
            .WithSummary("Update a task's status and answer")
            .WithDescription("Send the version you last read. 409 with the task as it now is when someone changed it since "
                + "(code Conflict) or when its campaign was cancelled and the task withdrawn (code TaskWithdrawn: no answer is taken); "
                + "400 when the status needs a reason, a justification, an answer of the task's type or attached evidence.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<Ok<IReadOnlyList<CoopTaskView>>> ListAsync(
        CoopTaskService tasks, bool? includeFinished, CancellationToken cancellationToken) =>
        TypedResults.Ok(await tasks.MyTasksAsync(includeFinished ?? false, cancellationToken));

    private static async Task<Results<Ok<CoopTaskView>, NotFound>> GetAsync(int id, CoopTaskService tasks, CancellationToken cancellationToken) =>
        await tasks.GetAsync(id, cancellationToken) is { } task ? TypedResults.Ok(task) : TypedResults.NotFound();

    private static async Task<Results<Ok<CoopTaskView>, ValidationProblem, ProblemHttpResult, NotFound>> PatchAsync(
        int id, TaskPatch patch, CoopTaskService tasks, IStringLocalizer<CampaignResource> texts, IStringLocalizer<ApiResource> api,
        CancellationToken cancellationToken)
    {
        var result = await tasks.UpdateStatusAsync(id, new TaskStatusInput(patch.Status, patch.Note, patch.Answer, patch.Version), cancellationToken);
        var title = result.Conflict?.Code == CampaignError.TaskWithdrawn ? texts["Api.WithdrawnTitle"] : texts["Api.ConflictTitle"];
        return result.ToHttp(TypedResults.Ok, texts, api, new ConflictWording(title, conflict =>
            conflict.Current is CoopTaskView current
                ? texts[conflict.MessageKey, current.UpdatedBy ?? "—", Components.BrasiliaTime.Format(current.UpdatedAtUtc), texts[$"Status.{current.Status}"]]
                : texts[conflict.MessageKey]));
    }
}
