using IncidentDesk.Web.Features.Campaigns.Tasks;
using System.Globalization;
using IncidentDesk.Core.Campaigns;
using IncidentDesk.Core.Compliance;
using IncidentDesk.Core.Exposure;
using IncidentDesk.Core.Incidents;
using IncidentDesk.Testing.Kafka;
using IncidentDesk.Web.Features.Campaigns;
using IncidentDesk.Web.Features.Exposure;
using IncidentDesk.Web.Features.Exposure.Findings;
using IncidentDesk.Web.Outcomes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentDesk.IntegrationTests.Exposure;

/// <summary>
/// A finding becomes that co-op's work: one task per exposed broker on the federation's exposure-watch campaign, never a
/// second while it is open; later checks go onto the task's history; the task is done only when the liaison answers and
/// the desk's latest check agrees.
/// </summary>
public sealed class ExposureFindingTests(ExposureHostFixture fixture) : IClassFixture<ExposureHostFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_exposed_broker_becomes_exactly_one_task_and_is_done_only_once_a_check_finds_it_closed()
    {
        using var broker = MockKafkaCluster.Start();
        foreach (var topic in new[] { "chatbot.conversas", "chatbot.anexos", "beneficiarios" })
        {
            broker.CreateTopic(topic);
        }

        var endpointId = await fixture.DeclareAsync("SP-004", "127.0.0.1", broker.Broker(1).Port);
        var coopId = await fixture.CoopIdAsync("SP-004");

        var first = await fixture.CheckNowAsync(endpointId);

        Assert.True(first.Succeeded);
        var finding = await SingleFindingAsync(endpointId);
        await using (var db = fixture.CreateDb())
        {
            var check = await db.ExposureChecks.AsNoTracking().SingleAsync(c => c.EndpointId == endpointId, Ct);
            Assert.Equal((ExposureOutcome.Exposed, 3), (check.Outcome, check.TopicCount));
            Assert.Equal(["beneficiarios", "chatbot.anexos", "chatbot.conversas"], check.TopicNameList);

            var task = await db.CoopTasks.AsNoTracking().Include(t => t.CampaignTask).SingleAsync(t => t.Id == finding.CoopTaskId, Ct);
            var address = $"127.0.0.1:{broker.Broker(1).Port}";
            Assert.Equal((coopId, CoopTaskStatus.Open), (task.CoopId, task.Status));
            Assert.Equal($"Fechar o broker exposto {address}", task.CampaignTask!.Title);
            Assert.Contains("3 tópicos", task.CampaignTask.Instructions, StringComparison.Ordinal);
            Assert.Contains(ExposureRecordText.When(check.CheckedAtUtc), task.CampaignTask.Instructions, StringComparison.Ordinal);
            var calendar = fixture.Host.Services.GetRequiredService<BusinessCalendar>();
            Assert.Equal(TaskDueDate.Compute(check.CheckedAtUtc, 1, calendar), task.CampaignTask.DueAtUtc);

            // The campaign is the federation's exposure watch, on its standing incident: no co-op involved, so no LGPD clock.
            var incident = await db.Incidents.AsNoTracking().SingleAsync(i => db.Campaigns.Any(c => c.Id == task.CampaignId && c.IncidentId == i.Id), Ct);
            Assert.Equal((IncidentType.MisconfigurationExposure, ReportSource.InternalDetection), (incident.Type, incident.Source));
            Assert.False(await db.CoopInvolvements.AnyAsync(v => v.IncidentId == incident.Id, Ct));
        }

        // Still open an hour later: the same finding, the same task, one more line on its history.
        await fixture.AnHourPassesAsync(endpointId);
        await fixture.CheckNowAsync(endpointId);
        Assert.Equal(finding.Id, (await SingleFindingAsync(endpointId)).Id);
        Assert.Equal([CheckRecorder.FindingOpenedAction, CheckRecorder.CheckNotedAction], await TaskHistoryAsync(finding.CoopTaskId));

        // The liaison says it is fixed; the desk's latest check says otherwise.
        var refused = await UpdateAsLiaisonAsync(finding.CoopTaskId, CoopTaskStatus.Done);
        Assert.Equal((ResultStatus.Invalid, nameof(TaskUpdateRefusal.StillExposed)), (refused.Status, refused.ErrorOf(nameof(TaskStatusInput.Status))?.Code));

        // The co-op closes it: the broker now refuses to describe its topics to a stranger.
        foreach (var topic in new[] { "chatbot.conversas", "chatbot.anexos", "beneficiarios" })
        {
            broker.SetTopicError(topic, MockKafkaCluster.TopicAuthorizationFailed);
        }

        await fixture.AnHourPassesAsync(endpointId);
        await fixture.CheckNowAsync(endpointId);
        await using (var db = fixture.CreateDb())
        {
            var noted = await db.AuditEntries.AsNoTracking()
                .Where(e => e.EntityType == nameof(CoopTask) && e.EntityId == finding.CoopTaskId.ToString(CultureInfo.InvariantCulture))
                .OrderByDescending(e => e.Sequence).FirstAsync(Ct);
            Assert.Equal(CheckRecorder.CheckNotedAction, noted.Action);
            Assert.Contains("\"CheckOutcome\":\"AuthRequired\"", noted.Changes, StringComparison.Ordinal);
            Assert.Equal(CoopTaskStatus.Open, (await db.CoopTasks.AsNoTracking().SingleAsync(t => t.Id == finding.CoopTaskId, Ct)).Status);
            Assert.True(await db.TimelineEvents.AnyAsync(e => e.Title.Contains("verificado fechado"), Ct));
        }

        var done = await UpdateAsLiaisonAsync(finding.CoopTaskId, CoopTaskStatus.Done);
        Assert.Equal(CoopTaskStatus.Done, done.Value.Status);
        Assert.Equal(1, await FindingCountAsync(endpointId));
    }

    [Fact]
    public async Task A_broker_found_open_again_after_its_task_was_done_opens_a_new_task()
    {
        using var broker = MockKafkaCluster.Start();
        broker.CreateTopic("chatbot.conversas");
        var endpointId = await fixture.DeclareAsync("RJ-001", "127.0.0.1", broker.Broker(1).Port);
        await fixture.CheckNowAsync(endpointId);
        var first = await SingleFindingAsync(endpointId);

        broker.SetTopicError("chatbot.conversas", MockKafkaCluster.TopicAuthorizationFailed);
        await fixture.AnHourPassesAsync(endpointId);
        await fixture.CheckNowAsync(endpointId);
        Assert.True((await UpdateAsLiaisonAsync(first.CoopTaskId, CoopTaskStatus.Done, "RJ-001")).Succeeded);

        broker.SetTopicError("chatbot.conversas", 0);
        await fixture.AnHourPassesAsync(endpointId);
        await fixture.CheckNowAsync(endpointId);

        await using var db = fixture.CreateDb();
        var findings = await db.ExposureFindings.AsNoTracking().Where(f => f.EndpointId == endpointId).OrderBy(f => f.Id).ToListAsync(Ct);
        Assert.Equal(2, findings.Count);
        Assert.NotEqual(findings[0].CoopTaskId, findings[1].CoopTaskId);
        // Both on the same standing campaign while its incident is open.
        Assert.Equal(findings[0].CampaignId, findings[1].CampaignId);
    }

    [Fact]
    public async Task A_new_finding_queues_one_notice_for_its_coops_liaisons_inside_its_own_transaction_and_a_repeat_queues_none()
    {
        var endpointId = await fixture.DeclareAsync("MT-001", "kafka.mt.example", 9092);
        var notices = new RecordedNotices();
        var services = fixture.Host.Services;
        var recorder = new CheckRecorder(services.GetRequiredService<Data.FederationWideDb>(), services.GetRequiredService<Data.Audit.AuditTrail>(),
            services.GetRequiredService<Web.Features.Compliance.BusinessCalendarProvider>(), services.GetRequiredService<Web.Features.Live.IChangeFeed>(),
            notices, TimeProvider.System);
        var exposed = new Web.Features.Exposure.Probe.ProbeResult(
            ExposureOutcome.Exposed, CheckDetail.TopicsListed, TimeSpan.FromMilliseconds(12), "127.0.0.1:9092", ["chatbot.conversas", "beneficiarios"]);
        var actor = new Data.Audit.AuditActor(null, "test");

        var opened = await recorder.RecordAsync(null, endpointId, exposed, actor, Ct);
        var again = await recorder.RecordAsync(null, endpointId, exposed, actor, Ct);

        Assert.Equal((FindingChange.Opened, FindingChange.StillOpen), (opened, again));
        var notice = Assert.Single(notices.Queued);
        var finding = await SingleFindingAsync(endpointId);
        Assert.Equal((await fixture.CoopIdAsync("MT-001"), "MT-001", finding.CoopTaskId, "kafka.mt.example:9092", 2),
            (notice.CoopId, notice.CoopCode, notice.CoopTaskId, notice.Endpoint, notice.TopicCount));
        // Queued inside the finding's transaction (committed with it or not at all); the sender woken once it committed.
        Assert.True(notices.QueuedInTransaction);
        Assert.Equal(1, notices.Wakes);
        await using var db = fixture.CreateDb();
        var task = await db.CampaignTasks.AsNoTracking().SingleAsync(t => db.CoopTasks.Any(c => c.Id == finding.CoopTaskId && c.CampaignTaskId == t.Id), Ct);
        Assert.Equal(task.DueAtUtc, notice.DueAtUtc);
    }

    /// <summary>The notices findings ask for, whether they were asked inside the finding's transaction, and the wake-ups after.</summary>
    private sealed class RecordedNotices : IFindingNotice
    {
        public List<FindingNotice> Queued { get; } = [];

        public bool QueuedInTransaction { get; private set; }

        public int Wakes { get; private set; }

        public Task QueueAsync(Data.IncidentDeskDbContext db, FindingNotice notice, CancellationToken cancellationToken)
        {
            Queued.Add(notice);
            QueuedInTransaction = db.Database.CurrentTransaction is not null;
            return Task.CompletedTask;
        }

        public void Wake() => Wakes++;
    }

    private async Task<ExposureFinding> SingleFindingAsync(int endpointId)
    {
        await using var db = fixture.CreateDb();
        return await db.ExposureFindings.AsNoTracking().SingleAsync(f => f.EndpointId == endpointId, Ct);
    }

    private async Task<int> FindingCountAsync(int endpointId)
    {
        await using var db = fixture.CreateDb();
        return await db.ExposureFindings.CountAsync(f => f.EndpointId == endpointId, Ct);
    }

    private async Task<List<string>> TaskHistoryAsync(int coopTaskId)
    {
        await using var db = fixture.CreateDb();
        var id = coopTaskId.ToString(CultureInfo.InvariantCulture);
        return await db.AuditEntries.AsNoTracking().Where(e => e.EntityType == nameof(CoopTask) && e.EntityId == id)
            .OrderBy(e => e.Sequence).Select(e => e.Action).ToListAsync(Ct);
    }

    private async Task<Result<CoopTaskView>> UpdateAsLiaisonAsync(int coopTaskId, CoopTaskStatus status, string coopCode = "SP-004")
    {
        await using var scope = await fixture.LiaisonOfAsync(coopCode);
        var tasks = scope.ServiceProvider.GetRequiredService<CoopTaskService>();
        var current = await tasks.GetAsync(coopTaskId, Ct);
        return await tasks.UpdateStatusAsync(coopTaskId, new TaskStatusInput(status, "Listener fechado, SASL exigido", null, current!.Version), Ct);
    }
}
