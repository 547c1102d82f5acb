using IncidentDesk.Web.Features.Incidents;
using IncidentDesk.Web.Features.Incidents.Timeline;
using IncidentDesk.Web.Outcomes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace IncidentDesk.Web.Api;

/// <summary>The incident's timeline: the desk's automatic entries and the facts officers add by hand.</summary>
internal static class TimelineEndpoints
{
    public static void MapTimelineEndpoints(this RouteGroupBuilder api)
    {
        var timeline = api.MapApiArea("Timeline",
            "An incident's timeline: the desk's automatic entries and the facts officers add by hand.");
        timeline.MapGet(ApiRoutes.Timeline, ListAsync).WithName("Api.Timeline")
            .WithSummary("An incident's timeline, oldest first")
            .WithDescription("A liaison sees only the events shared with co-ops; 404 when the incident is not visible.");
        timeline.MapPost(ApiRoutes.Timeline, AddAsync).WithName("Api.AddTimelineEvent")
            .WithSummary("Add a fact to the timeline (officers)")
            .WithDescription("occurredAt is a Brasília date at its known precision (Month, Day or Exact), not in the future; title and source are required.")
            .ProducesProblem(StatusCodes.Status403Forbidden);
    }

    private static async Task<Results<Ok<IReadOnlyList<TimelineItem>>, NotFound>> ListAsync(
        int id, TimelineService timeline, CancellationToken cancellationToken) =>
        await timeline.ListAsync(id, cancellationToken: cancellationToken) is { } listing ? TypedResults.Ok(listing.Items) : TypedResults.NotFound();

    private static async Task<Results<Created<TimelineItem>, ValidationProblem, ProblemHttpResult, NotFound>> AddAsync(
        int id, ManualEventInput input, IncidentService incidents, TimelineService timeline, IStringLocalizer<TimelineResource> texts,
        IStringLocalizer<ApiResource> api, CancellationToken cancellationToken)
    {
        if (await incidents.GetPageOverviewAsync(id, cancellationToken) is null)
        {
            return TypedResults.NotFound();
        }

        var result = await timeline.AddEventAsync(id, input, cancellationToken);
        if (!result.Succeeded)
        {
            return result.ToProblem<Created<TimelineItem>>(texts, api);
        }

        var added = (await timeline.ListAsync(id, cancellationToken: cancellationToken))?.Items.FirstOrDefault(e => e.Id == result.Value);
        return added is null ? TypedResults.NotFound() : TypedResults.Created((string?)null, added);
    }
}
