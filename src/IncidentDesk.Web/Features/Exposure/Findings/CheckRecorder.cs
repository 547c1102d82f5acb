using System.Globalization;
using System.Text.Json;
using IncidentDesk.Core.Campaigns;
using IncidentDesk.Core.Exposure;
using IncidentDesk.Core.Timeline;
using IncidentDesk.Data;
using IncidentDesk.Data.Audit;
using IncidentDesk.Web.Features.Compliance;
using IncidentDesk.Web.Features.Exposure.Probe;
using IncidentDesk.Web.Features.Incidents;
using IncidentDesk.Web.Features.Live;
using Microsoft.EntityFrameworkCore;

namespace IncidentDesk.Web.Features.Exposure.Findings;

/// <summary>What recording one check changed beyond the check itself.</summary>
public enum FindingChange
{
    None,
    Opened,
    StillOpen,
    ClosedByCheck,
}

/// <summary>
/// Records one check and what it means, in one audited transaction: the check, the endpoint's last state, and — when the
/// broker was found exposed and no finding of it is open — a task for its co-op (once: a further exposed check of an open
/// finding opens nothing) and the notice to the co-op's liaisons (<see cref="IFindingNotice"/>). A later check of an open
/// finding is written onto that task's history, and a closed one says so; the task itself is left for the liaison to answer
/// (<see cref="ExposureTaskCompletion"/>).
/// </summary>
public sealed class CheckRecorder(
    FederationWideDb federationDb, AuditTrail trail, BusinessCalendarProvider calendars, IChangeFeed feed, IFindingNotice notice, TimeProvider time)
{
    public const string CheckedAction = "Exposure.Checked";
    public const string FindingOpenedAction = "Exposure.FindingOpened";
    public const string CheckNotedAction = "Exposure.CheckNoted";

    /// <summary>Names of the fields a check writes onto a task's history (see the matrix cell's history).</summary>
    public const string OutcomeField = "CheckOutcome";
    public const string CheckedAtField = "CheckedAtUtc";
    public const string TopicCountField = "TopicCount";

    /// <remarks>
    /// Works federation-wide: a check is the federation's own act on a co-op's declared server, started by an officer or
    /// the schedule, and its result belongs to that co-op whoever is looking.
    /// </remarks>
    public async Task<FindingChange> RecordAsync(int? runId, int endpointId, ProbeResult result, AuditActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(actor);
        var now = time.GetUtcNow().UtcDateTime;
        FindingChange change;
        int? incidentId = null, coopTaskId = null, campaignId = null, coopId;
        await using (var db = federationDb.CreateDbContext())
        {
            await using var transaction = await trail.BeginTransactionAsync(db, cancellationToken);
            var endpoint = await db.BrokerEndpoints.SingleAsync(e => e.Id == endpointId, cancellationToken);
            coopId = endpoint.CoopId;
            var check = new ExposureCheck
            {
                EndpointId = endpoint.Id, CoopId = endpoint.CoopId, RunId = runId, CheckedAtUtc = now,
                DurationMs = (int)Math.Min(int.MaxValue, result.Duration.TotalMilliseconds), Outcome = result.Outcome, Detail = result.Detail,
                ContactedAddress = result.ContactedAddress, TopicCount = result.TopicCount, TopicNames = ExposureCheck.JoinTopicNames(result.Topics),
            };
            db.ExposureChecks.Add(check);
            endpoint.LastCheckedAtUtc = now;
            endpoint.LastOutcome = result.Outcome;
            endpoint.LastDetail = result.Detail;
            endpoint.LastTopicCount = result.TopicCount;
            await db.SaveChangesAsync(cancellationToken);
            await trail.SaveChangesAsync(db, actor, new AuditRecord(CheckedAction, nameof(BrokerEndpoint),
                endpoint.Id.ToString(CultureInfo.InvariantCulture), Summary(endpoint, check)), cancellationToken);

            var coopCode = await db.Coops.Where(c => c.Id == endpoint.CoopId).Select(c => c.Code).SingleAsync(cancellationToken);
            var open = await OpenFindingAsync(db, endpoint.Id, cancellationToken);
            if (open is not null)
            {
                incidentId = open.IncidentId;
                coopTaskId = open.CoopTaskId;
                change = ExposureRules.IsClosed(result.Outcome) ? FindingChange.ClosedByCheck : FindingChange.StillOpen;
                await NoteOnTaskAsync(db, actor, open, endpoint, check, coopCode, cancellationToken);
            }
            else if (result.Outcome == ExposureOutcome.Exposed)
            {
                var watch = await ExposureWatchCampaign.CurrentAsync(db, trail, actor, now, cancellationToken);
                incidentId = watch.IncidentId;
                campaignId = watch.CampaignId;
                coopTaskId = await OpenFindingAsync(db, actor, watch, endpoint, check, coopCode, now, cancellationToken);
                change = FindingChange.Opened;
            }
            else
            {
                change = FindingChange.None;
            }

            await transaction.CommitAsync(cancellationToken);
        }

        if (change == FindingChange.Opened)
        {
            notice.Wake();
        }

        if (incidentId is { } incident && coopTaskId is { } task)
        {
            // A new finding is a new column of the campaign's matrix (open matrices read it whole, the co-op's liaison is told
            // of new work); a later check changes the task's history only, which the exposure pages show.
            await feed.PublishAsync(change == FindingChange.Opened
                ? new DeskChange(ChangeKind.Campaign, incident, coopId, campaignId, ExposureRecordText.Actor, now)
                : new DeskChange(ChangeKind.Exposure, incident, coopId, task, ExposureRecordText.Actor, now), cancellationToken);
        }

        return change;
    }

    private sealed record OpenFinding(int FindingId, int CoopTaskId, int IncidentId);

    /// <summary>The endpoint's finding whose task is neither done nor "not applicable", if any.</summary>
    private static Task<OpenFinding?> OpenFindingAsync(IncidentDeskDbContext db, int endpointId, CancellationToken cancellationToken) => (
            from f in db.ExposureFindings
            join t in db.CoopTasks on f.CoopTaskId equals t.Id
            join c in db.Campaigns on f.CampaignId equals c.Id
            where f.EndpointId == endpointId && t.Status != CoopTaskStatus.Done && t.Status != CoopTaskStatus.NotApplicable && t.Status != CoopTaskStatus.Cancelled
            orderby f.Id descending
            select new OpenFinding(f.Id, f.CoopTaskId, c.IncidentId))
        .FirstOrDefaultAsync(cancellationToken);

    private async Task<int> OpenFindingAsync(
        IncidentDeskDbContext db, AuditActor actor, WatchCampaign watch, BrokerEndpoint endpoint, ExposureCheck check, string coopCode,
        DateTime now, CancellationToken cancellationToken)
    {
        var topics = check.TopicCount ?? 0;
        var order = await db.CampaignTasks.Where(t => t.CampaignId == watch.CampaignId).MaxAsync(t => (int?)t.Order, cancellationToken) ?? 0;
        var task = new CampaignTask
        {
            CampaignId = watch.CampaignId, Order = order + 1, Title = ExposureRecordText.TaskTitle(endpoint.Address),
            Instructions = ExposureRecordText.TaskInstructions(endpoint.Address, check.CheckedAtUtc, topics),
            // One business day: an open door to health-adjacent conversations is closed first, explained afterwards.
            DueAtUtc = TaskDueDate.Compute(now, 1, calendars.Current),
            AnswerType = TaskAnswerType.StatusOnly,
        };
        db.CampaignTasks.Add(task);
        await db.SaveChangesAsync(cancellationToken);
        var coopTask = new CoopTask
        {
            CampaignTaskId = task.Id, CampaignId = watch.CampaignId, CoopId = endpoint.CoopId, Status = CoopTaskStatus.Open,
            UpdatedAtUtc = now, UpdatedBy = actor.Name,
        };
        db.CoopTasks.Add(coopTask);
        await db.SaveChangesAsync(cancellationToken);
        db.ExposureFindings.Add(new ExposureFinding
        {
            EndpointId = endpoint.Id, CoopId = endpoint.CoopId, CampaignId = watch.CampaignId, CoopTaskId = coopTask.Id,
            OpenedByCheckId = check.Id, OpenedAtUtc = now, TopicCount = topics,
        });
        db.TimelineEvents.Add(AutomaticEvents.Create(watch.IncidentId, TimelineEventKind.Task, now,
            ExposureRecordText.FindingEvent(coopCode, endpoint.Address, topics), task.Instructions, actor.Name));
        // The liaisons' notice is queued in this transaction and sealed by the finding's audit entry below.
        await notice.QueueAsync(db, new FindingNotice(endpoint.CoopId, coopCode, coopTask.Id, watch.IncidentId, watch.CampaignId,
            endpoint.Address, check.CheckedAtUtc, topics, task.DueAtUtc), cancellationToken);
        await trail.SaveChangesAsync(db, actor, new AuditRecord(FindingOpenedAction, nameof(CoopTask),
            coopTask.Id.ToString(CultureInfo.InvariantCulture), HistoryLine(check, endpoint)), cancellationToken);
        return coopTask.Id;
    }

    /// <summary>A later check of an open finding, on its task's history (and, when it changes the picture, the timeline).</summary>
    private async Task NoteOnTaskAsync(
        IncidentDeskDbContext db, AuditActor actor, OpenFinding open, BrokerEndpoint endpoint, ExposureCheck check, string coopCode,
        CancellationToken cancellationToken)
    {
        if (ExposureRules.IsClosed(check.Outcome))
        {
            db.TimelineEvents.Add(AutomaticEvents.Create(open.IncidentId, TimelineEventKind.Task, check.CheckedAtUtc,
                ExposureRecordText.ClosedEvent(coopCode, endpoint.Address, check.Outcome), null, actor.Name));
        }
        else if (check.Outcome == ExposureOutcome.Exposed)
        {
            db.TimelineEvents.Add(AutomaticEvents.Create(open.IncidentId, TimelineEventKind.Task, check.CheckedAtUtc,
                ExposureRecordText.StillExposedEvent(coopCode, endpoint.Address, check.TopicCount ?? 0), null, actor.Name));
        }

        await trail.SaveChangesAsync(db, actor, new AuditRecord(CheckNotedAction, nameof(CoopTask),
            open.CoopTaskId.ToString(CultureInfo.InvariantCulture), HistoryLine(check, endpoint)), cancellationToken);
    }

    /// <summary>The check as a task history line: fields the matrix cell's history reads (outcome, when, how many topics).</summary>
    private static string HistoryLine(ExposureCheck check, BrokerEndpoint endpoint) => JsonSerializer.Serialize(new Dictionary<string, object?>
    {
        [OutcomeField] = check.Outcome.ToString(),
        [CheckedAtField] = check.CheckedAtUtc,
        [TopicCountField] = check.TopicCount,
        ["Endpoint"] = endpoint.Address,
    });

    private static string Summary(BrokerEndpoint endpoint, ExposureCheck check) => JsonSerializer.Serialize(new
    {
        endpoint.CoopId, Endpoint = endpoint.Address, Outcome = check.Outcome.ToString(), Detail = check.Detail.ToString(),
        check.TopicCount, check.DurationMs, check.ContactedAddress, check.RunId,
    });
}
