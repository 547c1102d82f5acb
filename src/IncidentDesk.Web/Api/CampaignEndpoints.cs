using IncidentDesk.Core.Campaigns;
using IncidentDesk.Web.Features.Campaigns;
using IncidentDesk.Web.Features.Incidents;
using IncidentDesk.Web.Outcomes;

using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace IncidentDesk.Web.Api;

/// <summary>
/// A launch as a client sends it: a playbook's steps (<see cref="PlaybookId"/>) and/or ad-hoc <see cref="Tasks"/>, to an
/// audience (with the UF or federation code in <see cref="AudienceFilter"/>). <see cref="AllowDuplicate"/> with a
/// <see cref="DuplicateReason"/> launches even though the same playbook (or title) is still active for the incident.
/// </summary>
public sealed record CampaignLaunchBody(
    string? Title, int? PlaybookId, IReadOnlyList<CampaignTaskInput>? Tasks, CampaignAudience? Audience, string? AudienceFilter,
    bool AllowDuplicate, string? DuplicateReason);

/// <summary>The launched campaign: its id, its tasks per co-op, the co-ops reached and the co-op tasks made.</summary>
public sealed record CampaignCreated(int Id, int IncidentId, string Title, int TaskCount, int CoopCount, int CoopTaskCount);

/// <summary>Why an officer withdraws a campaign; required, kept on the campaign and in the audit trail.</summary>
public sealed record CampaignCancellationBody(string? Reason);

/// <summary>Campaigns for officers' tools: launch (refusing an accidental repeat) and withdraw a mistaken one.</summary>
internal static class CampaignEndpoints
{
    public static void MapCampaignEndpoints(this RouteGroupBuilder api)
    {
        var campaigns = api.MapApiArea("Campaigns",
            "Tasks fanned out to the co-ops: launch one (a second of the same playbook needs a reason) or cancel a mistaken one.");
        campaigns.MapPost(ApiRoutes.IncidentCampaigns, LaunchAsync).WithName("Api.LaunchCampaign")
            .WithSummary("Launch a campaign to the co-ops (officers)")
            .WithDescription("Validated like the launch dialog. 409 with code DuplicateCampaign, activeCampaignId, activeCampaignTitle "
                + "and progress (answered/total) when a campaign of the same playbook (without one: the same title) is still active "
                + "for the incident; send allowDuplicate=true with a duplicateReason to launch anyway (the reason is audited).")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);
        campaigns.MapPost(ApiRoutes.CampaignCancellation, CancelAsync).WithName("Api.CancelCampaign")
            .WithSummary("Cancel a campaign launched by mistake (officers)")
            .WithDescription("The reason is required. Unanswered co-op tasks close as Cancelled (no answer is accepted on them "
                + "any more); answered ones stay. 409 with code AlreadyCancelled when it was cancelled before.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<Results<Created<CampaignCreated>, ValidationProblem, ProblemHttpResult, NotFound>> LaunchAsync(
        int id, CampaignLaunchBody body, IncidentService incidents, CampaignService campaigns, IStringLocalizer<CampaignResource> texts,
        IStringLocalizer<ApiResource> api, CancellationToken cancellationToken)
    {
        // Never confirm an id the caller may not see: 404 first, then the service decides whether this role may launch.
        if (await incidents.GetOverviewAsync(id, cancellationToken) is null)
        {
            return TypedResults.NotFound();
        }

        var launch = new CampaignLaunch(id, body.Title, body.PlaybookId, body.Tasks, body.Audience ?? (CampaignAudience)(-1),
            body.AudienceFilter, body.AllowDuplicate, body.DuplicateReason);
        var result = await campaigns.LaunchAsync(launch, cancellationToken);
        if (result.CurrentState<ActiveCampaign>() is { } active)
        {
            return Duplicate(active, texts);
        }

        // No Location: a campaign has no resource of its own in this API version (its tasks are under /tasks).
        return result.ToHttp(launched => TypedResults.Created((string?)null,
            new CampaignCreated(launched.CampaignId, id, launch.Title!.Trim(), launched.TaskCount, launched.CoopCount, launched.CoopTaskCount)),
            texts, api);
    }

    private static async Task<Results<Ok<CancelledCampaign>, ValidationProblem, ProblemHttpResult, NotFound>> CancelAsync(
        int id, CampaignCancellationBody body, CampaignCancellationService cancellations, IStringLocalizer<CampaignResource> texts,
        IStringLocalizer<ApiResource> api, CancellationToken cancellationToken)
    {
        var result = await cancellations.CancelAsync(id, body.Reason, cancellationToken);
        return result.ToHttp(TypedResults.Ok, texts, api, new ConflictWording(texts["Cancel.ConflictTitle"], conflict =>
            conflict.Current is CampaignCancellation done
                ? texts[conflict.MessageKey, done.By, Components.BrasiliaTime.Format(done.AtUtc)]
                : texts[conflict.MessageKey]));
    }

    /// <summary>
    /// The 409 of a launch that repeats an active campaign, naming it so a client can show it or cancel it. Its title goes
    /// under activeCampaignTitle: "title" is the problem's own member (RFC 7807) and cannot be an extension too.
    /// </summary>
    private static ProblemHttpResult Duplicate(ActiveCampaign active, IStringLocalizer<CampaignResource> texts) =>
        TypedResults.Problem(
            title: texts["Launch.DuplicateTitle"],
            detail: texts[CampaignService.DuplicateKey, active.Title, active.Answered, active.Total],
            statusCode: StatusCodes.Status409Conflict,
            extensions: new Dictionary<string, object?>
            {
                ["code"] = CampaignError.DuplicateCampaign,
                ["activeCampaignId"] = active.Id,
                ["activeCampaignTitle"] = active.Title,
                ["progress"] = new { answered = active.Answered, total = active.Total },
            });
}
