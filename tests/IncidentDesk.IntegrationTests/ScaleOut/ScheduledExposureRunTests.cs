using IncidentDesk.Core.Exposure;
using IncidentDesk.Data;
using IncidentDesk.Testing;
using IncidentDesk.Testing.Kafka;
using IncidentDesk.Web.Features.Exposure;
using IncidentDesk.Web.Features.Exposure.Endpoints;
using IncidentDesk.Web.Features.Live;
using IncidentDesk.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentDesk.IntegrationTests.ScaleOut;

/// <summary>
/// The scheduled exposure check with two instances behind a load balancer (one PostgreSQL database): both look for the
/// slot's run every 200 ms, and the federation's brokers are still visited once per slot.
/// </summary>
[Requires(TestServer.PostgreSql, TestServer.Redis)]
public sealed class ScheduledExposureRunTests : IAsyncLifetime
{
    private ScaledOutDesk? _desk;
    private IncidentDeskHost? _a;
    private IncidentDeskHost? _b;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        if (!TestServers.AreAvailable(ScaleOutFixture.Servers))
        {
            return; // the class carries [Requires] and its test is reported as skipped
        }

        _desk = await ScaledOutDesk.PrepareAsync(new Dictionary<string, string?>
        {
            ["IncidentDesk:ExposureWatch:Schedule:Enabled"] = "true",
            ["IncidentDesk:ExposureWatch:Schedule:Every"] = "00:00:08",
            ["IncidentDesk:ExposureWatch:Schedule:At"] = "00:00",
            ["IncidentDesk:ExposureWatch:Schedule:Tick"] = "00:00:00.200",
        });
        _a = _desk.StartInstance(first: true);
        _b = _desk.StartInstance(first: false);
    }

    public async ValueTask DisposeAsync()
    {
        if (_b is not null)
        {
            await _b.DisposeAsync();
        }

        if (_a is not null)
        {
            await _a.DisposeAsync();
        }

        if (_desk is not null)
        {
            await _desk.DisposeAsync();
        }
    }

    [Fact]
    public async Task Two_instances_run_each_slot_once_and_check_every_broker_once()
    {
        using var brokers = MockKafkaCluster.Start(brokers: 3);
        brokers.CreateTopic("chatbot.conversas");
        var declared = new List<int>();
        await using (var officer = Audit.ActingAs.Scope(_a!, AppRoles.PrivacyOfficer))
        {
            var endpoints = officer.ServiceProvider.GetRequiredService<EndpointService>();
            await using var db = Db(_a!);
            var coops = await db.Coops.OrderBy(c => c.Code).Select(c => c.Id).Take(3).ToListAsync(Ct);
            for (var i = 0; i < 3; i++)
            {
                var result = await endpoints.DeclareAsync(new EndpointDeclaration(coops[i], "127.0.0.1", brokers.Broker(i + 1).Port, Authorize: true), Ct);
                declared.Add(result.Value);
            }
        }

        // Wait for the first slot that finds them due, and for its run to end.
        ExposureRun? run = null;
        await WhenAsync(async () =>
        {
            await using var db = Db(_b!);
            run = await db.ExposureRuns.AsNoTracking().Where(r => r.Trigger == RunTrigger.Schedule && r.Planned > 0).OrderBy(r => r.Id).FirstOrDefaultAsync(Ct);
            return run is { State: not RunState.Running };
        }, "the scheduled run that found the brokers due");

        Assert.NotNull(run);
        Assert.Equal((RunState.Finished, 3, 3), (run.State, run.Planned, run.Checked));
        // Let both instances go through more slots: nothing is due again within the hour.
        await WhenAsync(async () =>
        {
            await using var db = Db(_a!);
            return await db.ExposureRuns.AnyAsync(r => r.Trigger == RunTrigger.Schedule && r.Id > run.Id && r.State != RunState.Running, Ct);
        }, "a later slot's run");

        await using var read = Db(_a!);
        var scheduled = await read.ExposureRuns.AsNoTracking().Where(r => r.Trigger == RunTrigger.Schedule).ToListAsync(Ct);
        Assert.Equal(scheduled.Count, scheduled.Select(r => r.SlotKey).Distinct().Count());
        Assert.Single(scheduled, r => r.Planned > 0);
        foreach (var id in declared)
        {
            Assert.Equal(1, await read.ExposureChecks.CountAsync(c => c.EndpointId == id, Ct));
        }

        Assert.Equal(3, brokers.Requests().Count(r => r.ApiKey == MockKafkaCluster.MetadataApi));
        Assert.Equal(3, await read.ExposureFindings.CountAsync(f => declared.Contains(f.EndpointId), Ct));
    }

    /// <summary>
    /// Waits until <paramref name="condition"/> holds, looking again whenever either instance publishes an exposure change
    /// (every run's start and end does).
    /// </summary>
    private async Task WhenAsync(Func<Task<bool>> condition, string what)
    {
        var changed = new SemaphoreSlim(0);
        Task Signal(DeskChange change)
        {
            if (change.Kind == ChangeKind.Exposure)
            {
                changed.Release();
            }

            return Task.CompletedTask;
        }

        using var onA = _a!.Services.GetRequiredService<IChangeFeed>().Subscribe(Signal, FeedScope.LocalOrigin);
        using var onB = _b!.Services.GetRequiredService<IChangeFeed>().Subscribe(Signal, FeedScope.LocalOrigin);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        limit.CancelAfter(TimeSpan.FromSeconds(60));
        while (!await condition())
        {
            try
            {
                await changed.WaitAsync(limit.Token);
            }
            catch (OperationCanceledException) when (!Ct.IsCancellationRequested)
            {
                Assert.Fail($"Waited 60 s for {what}.");
            }
        }
    }

    private static IncidentDeskDbContext Db(IncidentDeskHost host) => host.Services.GetRequiredService<FederationWideDb>().CreateDbContext();
}
