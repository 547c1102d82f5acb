using System.Net;
using IncidentDesk.Benchmarks;
using IncidentDesk.Benchmarks.Dashboard;
using IncidentDesk.Benchmarks.Generator;
using IncidentDesk.Benchmarks.Load;
using IncidentDesk.Core.Campaigns;
using IncidentDesk.Core.Incidents;
using IncidentDesk.Testing;
using IncidentDesk.Web.Features.Audit;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using IncidentDesk.Data.Audit;

namespace IncidentDesk.IntegrationTests.Benchmarks;

/// <summary>
/// The performance harness in miniature, so it cannot rot between the rare real runs: a small generated history
/// must be a database the app accepts as its own, and a short load must reach every officer without a single error.
/// </summary>
[StartsFirst]
public sealed class HarnessSmokeTests(GeneratedHistory history) : IClassFixture<GeneratedHistory>
{
    [Fact]
    public async Task A_generated_history_keeps_the_desks_invariants_and_the_app_runs_on_it()
    {
        var ct = TestContext.Current.CancellationToken;
        Assert.Equal(20, history.Report.Incidents);
        Assert.True(history.Report.Campaigns >= 1, "the history has at least one campaign");

        await using var run = await FederationRun.StartAsync(history.Database);
        await using (var db = run.CreateDb())
        {
            // Every row reads back through EF Core: dates, enums and decimals are in the app's own storage format.
            var incidents = await db.Incidents.AsNoTracking().ToListAsync(ct);
            var events = await db.TimelineEvents.AsNoTracking().ToListAsync(ct);
            var involvements = await db.CoopInvolvements.AsNoTracking().ToListAsync(ct);
            await db.KeyFigures.AsNoTracking().ToListAsync(ct);

            Assert.Equal(21, incidents.Count); // the seeded reference incident and the twenty generated
            Assert.Equal(incidents.Count, incidents.Select(i => i.Reference).Distinct().Count());
            Assert.All(incidents, i => Assert.True(IncidentReference.TryParse(i.Reference, out _), i.Reference));
            Assert.All(incidents, i => Assert.Contains(events, e => e.IncidentId == i.Id));
            Assert.All(incidents.Where(i => i.Reference != "INC-2026-0001"), i =>
                Assert.InRange(involvements.Count(v => v.IncidentId == i.Id), 1, 15));

            var coops = await db.Coops.Where(c => c.IsActive).Select(c => new { c.Id, c.Uf, Federation = c.Federation!.Code }).ToListAsync(ct);
            foreach (var campaign in await db.Campaigns.AsNoTracking().ToListAsync(ct))
            {
                var audience = campaign.Audience switch
                {
                    CampaignAudience.AllCoops => coops.Count,
                    CampaignAudience.Uf => coops.Count(c => c.Uf == campaign.AudienceFilter),
                    _ => coops.Count(c => c.Federation == campaign.AudienceFilter),
                };
                var tasks = await db.CampaignTasks.CountAsync(t => t.CampaignId == campaign.Id, ct);
                Assert.InRange(tasks, 8, 20);
                Assert.InRange(audience, 10, 340);
                Assert.Equal(tasks * audience, await db.CoopTasks.CountAsync(t => t.CampaignId == campaign.Id, ct));
            }

            // A task still open was never updated; any other status took at least one update.
            Assert.False(await db.CoopTasks.AnyAsync(t => (t.Status == CoopTaskStatus.Open) != (t.Version == 0), ct));
        }

        using var http = new HttpClient { BaseAddress = run.Host.BaseAddress };
        using var health = await http.GetAsync(new Uri("health", UriKind.Relative), ct);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);

        await using var scope = run.Host.Services.CreateAsyncScope();
        var verification = (await scope.ServiceProvider.GetRequiredService<AuditTrailService>()
            .VerifyAsync(new AuditActor(null, "smoke test"), cancellationToken: ct)).Value;
        Assert.True(verification.IsIntact, verification.Problem);
    }

    [Fact]
    public async Task The_dashboard_read_the_harness_times_counts_every_open_incident_of_the_history()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var run = await FederationRun.StartAsync(history.Database);
        int open;
        await using (var db = run.CreateDb())
        {
            open = await db.Incidents.CountAsync(i => i.Status != IncidentStatus.Closed && i.Status != IncidentStatus.Dismissed, ct);
        }

        var view = await DashboardRead.ReadAsync(run);

        Assert.True(view.Federation, "an officer sees the federation's dashboard");
        Assert.Equal(open, view.OpenIncidentCount);
        Assert.NotEmpty(view.Activity);
    }

    [Fact]
    public async Task A_short_load_reaches_every_officer_without_errors()
    {
        await using var run = await FederationRun.StartAsync(history.Database);
        var options = new LoadOptions { Liaisons = 10, Interval = TimeSpan.FromMilliseconds(200), Officers = 3, Duration = TimeSpan.FromSeconds(3) };

        var result = await LoadRun.RunAsync(run, options, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Empty(result.ErrorSamples);
        Assert.Equal(0, result.Errors);
        Assert.Equal(0, result.Conflicts);
        Assert.Equal(0, result.HubDisconnects);
        Assert.True(result.Updated >= 10, $"every liaison updated at least once ({result.Updated} updates)");
        Assert.Equal(0, result.MissingDeliveries);
        Assert.Equal(0, result.UnexpectedDeliveries);
        Assert.Equal(result.Updated * 3, result.DeliveryMs.Count);
    }

    [Fact]
    [Requires(TestServer.PostgreSql, TestServer.Redis)]
    public async Task A_short_load_on_two_instances_sharing_postgresql_and_redis_reaches_every_officer_exactly_once()
    {
        await using var run = await FederationRun.StartScaledOutAsync();
        var options = new LoadOptions { Liaisons = 10, Interval = TimeSpan.FromMilliseconds(200), Officers = 4, Duration = TimeSpan.FromSeconds(3) };

        var result = await LoadRun.RunAsync(run, options, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(2, run.Instances.Count);
        Assert.Empty(result.ErrorSamples);
        Assert.Equal(0, result.Errors);
        Assert.Equal(0, result.HubDisconnects);
        Assert.True(result.Updated >= 10, $"every liaison updated at least once ({result.Updated} updates)");
        Assert.Equal(0, result.MissingDeliveries);
        Assert.Equal(0, result.UnexpectedDeliveries); // the backplane carries each change once, never twice
        Assert.Equal(result.Updated * 4, result.DeliveryMs.Count);
    }
}

/// <summary>
/// The small generated history the smoke tests start their desks from, generated once for the class: each desk starts
/// on a copy of the file (<see cref="FederationRun.StartAsync"/>), so no test sees another's writes.
/// </summary>
public sealed class GeneratedHistory : IAsyncLifetime
{
    private static readonly HistoryOptions Small = new() { Years = 1, Incidents = 20, EventsPerIncident = 100, Seed = 7 };

    public string Database { get; } = Path.Combine(Path.GetTempPath(), $"incidentdesk-smoke-{Guid.NewGuid():N}.db");
    internal HistoryReport Report { get; private set; } = null!;

    public async ValueTask InitializeAsync() =>
        Report = await HistoryGenerator.GenerateAsync(Database, Small, TestContext.Current.CancellationToken);

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(Database);
        return ValueTask.CompletedTask;
    }
}
