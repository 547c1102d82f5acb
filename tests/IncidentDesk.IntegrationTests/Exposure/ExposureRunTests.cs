using System.Globalization;
using IncidentDesk.Core.Exposure;
using IncidentDesk.Testing;
using IncidentDesk.Testing.Kafka;
using IncidentDesk.Web.Features.Exposure;
using IncidentDesk.Web.Features.Exposure.Runs;
using IncidentDesk.Web.Outcomes;
using IncidentDesk.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ActingAs = IncidentDesk.IntegrationTests.Audit.ActingAs;

namespace IncidentDesk.IntegrationTests.Exposure;

/// <summary>
/// Runs on demand: only authorized endpoints are ever probed, each at most once an hour, a run is bounded (checks in
/// flight) and can be cancelled — what it did not check is given back — and only officers start or stop one.
/// </summary>
public sealed class ExposureRunTests(ExposureHostFixture fixture) : IClassFixture<ExposureHostFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_endpoint_without_the_coops_authorization_is_never_probed()
    {
        using var broker = MockKafkaCluster.Start();
        broker.CreateTopic("chatbot.conversas");
        var endpointId = await fixture.DeclareAsync("MG-002", "127.0.0.1", broker.Broker(1).Port, authorize: false);
        await using var officer = fixture.Officer();
        var runs = officer.ServiceProvider.GetRequiredService<ExposureRunService>();

        var one = await runs.CheckEndpointAsync(endpointId, Ct);
        var coop = await runs.CheckCoopAsync(await fixture.CoopIdAsync("MG-002"), Ct);
        // A scheduled round over every co-op takes it into account only as "not authorized".
        var round = await fixture.Host.Services.GetRequiredService<ExposureRunner>()
            .StartAsync(RunRequest.Scheduled($"test-{Guid.NewGuid():N}"[..20]), ExposureScheduler.Actor, Ct);
        await round!.Completion.WaitAsync(TimeSpan.FromSeconds(30), Ct);

        Assert.Equal(RunRefusal.NotAuthorized, one.Conflict?.Code);
        Assert.Equal(RunRefusal.NothingDue, coop.Conflict?.Code);
        Assert.True(round.Unauthorized >= 1);
        Assert.Empty(broker.Requests());
        await using var db = fixture.CreateDb();
        Assert.False(await db.ExposureChecks.AnyAsync(c => c.EndpointId == endpointId, Ct));
    }

    [Fact]
    public async Task An_endpoint_is_checked_at_most_once_an_hour_whoever_asks()
    {
        using var broker = MockKafkaCluster.Start();
        var endpointId = await fixture.DeclareAsync("BA-003", "127.0.0.1", broker.Broker(1).Port);

        var first = await fixture.CheckNowAsync(endpointId);
        var second = await fixture.CheckNowAsync(endpointId);

        Assert.True(first.Succeeded);
        Assert.Equal(RunRefusal.TooSoon, second.Conflict?.Code);
        await using var db = fixture.CreateDb();
        var endpoint = await db.BrokerEndpoints.AsNoTracking().SingleAsync(e => e.Id == endpointId, Ct);
        Assert.Equal(endpoint.CheckClaimedAtUtc!.Value + TimeSpan.FromHours(1), second.CurrentState<NextCheck>()?.NextAllowedUtc);
        Assert.Equal(1, await db.ExposureChecks.CountAsync(c => c.EndpointId == endpointId, Ct));
        Assert.Single(broker.Requests(), r => r.ApiKey == MockKafkaCluster.MetadataApi);
    }

    [Fact]
    public async Task A_run_keeps_at_most_its_bound_of_checks_in_flight_and_records_silent_ports_as_timeouts()
    {
        var gauge = new ConnectionGauge();
        var servers = Enumerable.Range(0, 9).Select(_ => LoopbackServer.Silent(gauge: gauge)).ToList();
        try
        {
            foreach (var server in servers)
            {
                await fixture.DeclareAsync("PE-001", "127.0.0.1", server.Port);
            }

            await using var officer = fixture.Officer();
            var run = await officer.ServiceProvider.GetRequiredService<ExposureRunService>().CheckCoopAsync(await fixture.CoopIdAsync("PE-001"), Ct);
            var state = await run.Value.Completion.WaitAsync(TimeSpan.FromSeconds(60), Ct);

            Assert.Equal(RunState.Finished, state);
            Assert.Equal(9, run.Value.Planned);
            Assert.Equal(ExposureHostFixture.MaxConcurrentChecks, gauge.Max);
            await using var db = fixture.CreateDb();
            var checks = await db.ExposureChecks.AsNoTracking().Where(c => c.RunId == run.Value.RunId).ToListAsync(Ct);
            Assert.Equal(9, checks.Count);
            Assert.All(checks, c => Assert.Equal((ExposureOutcome.Unreachable, CheckDetail.ResponseTimeout), (c.Outcome, c.Detail)));
            var row = await db.ExposureRuns.AsNoTracking().SingleAsync(r => r.Id == run.Value.RunId, Ct);
            Assert.Equal((RunState.Finished, 9, 0), (row.State, row.Checked, row.Exposed));
        }
        finally
        {
            foreach (var server in servers)
            {
                await server.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task A_cancelled_run_stops_keeps_what_it_checked_and_gives_back_the_rest()
    {
        var servers = Enumerable.Range(0, 12).Select(_ => LoopbackServer.Silent()).ToList();
        try
        {
            var ids = new List<int>();
            foreach (var server in servers)
            {
                ids.Add(await fixture.DeclareAsync("CE-001", "127.0.0.1", server.Port));
            }

            await using var officer = fixture.Officer();
            var runs = officer.ServiceProvider.GetRequiredService<ExposureRunService>();
            var run = await runs.CheckCoopAsync(await fixture.CoopIdAsync("CE-001"), Ct);

            Assert.True((await runs.CancelAsync(run.Value.RunId, Ct)).Succeeded);
            var state = await run.Value.Completion.WaitAsync(TimeSpan.FromSeconds(30), Ct);

            Assert.Equal(RunState.Cancelled, state);
            await using var db = fixture.CreateDb();
            var row = await db.ExposureRuns.AsNoTracking().SingleAsync(r => r.Id == run.Value.RunId, Ct);
            Assert.Equal(RunState.Cancelled, row.State);
            Assert.NotNull(row.CancelRequestedBy);
            Assert.True(row.Checked < 12, $"a cancelled run checked all {row.Checked}");
            var checkedIds = await db.ExposureChecks.Where(c => c.RunId == row.Id).Select(c => c.EndpointId).ToListAsync(Ct);
            var released = await db.BrokerEndpoints.AsNoTracking().Where(e => ids.Contains(e.Id) && !checkedIds.Contains(e.Id)).ToListAsync(Ct);
            Assert.Equal(12 - row.Checked, released.Count);
            Assert.All(released, e => Assert.Null(e.CheckClaimedAtUtc));
            Assert.Equal(
                [RunClaim.StartedAction, ExposureRunService.CancelRequestedAction, ExposureRunner.FinishedAction],
                await db.AuditEntries.AsNoTracking().Where(e => e.EntityType == nameof(ExposureRun) && e.EntityId == row.Id.ToString(CultureInfo.InvariantCulture))
                    .OrderBy(e => e.Sequence).Select(e => e.Action).ToListAsync(Ct));

            // What was given back can be checked again at once.
            var again = await runs.CheckCoopAsync(await fixture.CoopIdAsync("CE-001"), Ct);
            Assert.Equal(12 - row.Checked, again.Value.Planned);
            await again.Value.Completion.WaitAsync(TimeSpan.FromSeconds(60), Ct);
            // A run that has ended is no longer cancelled.
            Assert.Equal(RunRefusal.NotRunning, (await runs.CancelAsync(row.Id, Ct)).Conflict?.Code);
        }
        finally
        {
            foreach (var server in servers)
            {
                await server.DisposeAsync();
            }
        }
    }

    [Theory]
    [InlineData(AppRoles.CoopLiaison)]
    [InlineData(AppRoles.Auditor)]
    public async Task Only_officers_start_or_cancel_runs_and_a_refusal_is_audited(string role)
    {
        var coopId = await fixture.CoopIdAsync("SP-004");
        await using var scope = ActingAs.Scope(fixture.Host, role, role == AppRoles.CoopLiaison ? coopId : null);
        var runs = scope.ServiceProvider.GetRequiredService<ExposureRunService>();

        await using var before = fixture.CreateDb();
        var runsBefore = await before.ExposureRuns.CountAsync(Ct);

        Assert.True((await runs.CheckAllAsync(Ct)).IsForbidden);
        Assert.True((await runs.CheckCoopAsync(coopId, Ct)).IsForbidden);
        // Ids no run or endpoint of this fixture has: the refusal is recorded all the same, and never lands in the trail of
        // a run another test of the fixture starts.
        Assert.True((await runs.CheckEndpointAsync(int.MaxValue, Ct)).IsForbidden);
        Assert.True((await runs.CancelAsync(int.MaxValue, Ct)).IsForbidden);

        await using var db = fixture.CreateDb();
        Assert.Equal(runsBefore, await db.ExposureRuns.CountAsync(Ct));
        var actor = $"{role.ToLowerInvariant()}@federacao.example";
        Assert.Equal(4, await db.AuditEntries.CountAsync(e => e.Action == "Access.Denied" && e.ActorName == actor
            && (e.EntityType == nameof(ExposureRun) || e.EntityType == nameof(BrokerEndpoint) || e.EntityType == "Coop"), Ct));
    }
}
