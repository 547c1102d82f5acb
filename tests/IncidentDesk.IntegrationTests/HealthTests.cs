using System.Net;
using IncidentDesk.Testing;
using IncidentDesk.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentDesk.IntegrationTests;

public sealed class HealthTests(AppFixture app)
{
    [Fact]
    public async Task Health_is_200_for_an_anonymous_probe_when_the_database_answers()
    {
        using var client = app.Host.CreateBrowserClient();

        using var response = await client.GetAsync(new Uri("health", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("health/live")]
    [InlineData("health/ready")]
    public async Task Liveness_and_readiness_are_200_for_an_anonymous_probe_on_a_migrated_database(string path)
    {
        using var client = app.Host.CreateBrowserClient();

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Readiness_is_503_when_a_migration_is_missing_while_liveness_stays_200()
    {
        await using var host = new IncidentDeskHost(seedDemo: false);
        using var client = host.CreateBrowserClient();
        var ct = TestContext.Current.CancellationToken;
        await using (var db = await host.Services.GetRequiredService<IDbContextFactory<IncidentDeskDbContext>>().CreateDbContextAsync(ct))
        {
            // As if an older build had migrated this database: the newest migration is not recorded.
            await db.Database.ExecuteSqlRawAsync(
                "DELETE FROM __EFMigrationsHistory WHERE MigrationId = (SELECT MAX(MigrationId) FROM __EFMigrationsHistory)", ct);
        }

        using var ready = await client.GetAsync(new Uri("health/ready", UriKind.Relative), ct);
        using var live = await client.GetAsync(new Uri("health/live", UriKind.Relative), ct);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }

    [Fact]
    public async Task Health_is_503_when_the_database_is_gone()
    {
        await using var host = new IncidentDeskHost(seedDemo: false);
        using var client = host.CreateBrowserClient();
        var ct = TestContext.Current.CancellationToken;
        using (var before = await client.GetAsync(new Uri("health", UriKind.Relative), ct))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        // Lose the database file under the running app (disk swapped, volume unmounted…).
        SqliteConnection.ClearAllPools();
        foreach (var file in Directory.GetFiles(host.DataFolder, "incidentdesk.db*"))
        {
            File.Delete(file);
        }

        using var after = await client.GetAsync(new Uri("health", UriKind.Relative), ct);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, after.StatusCode);
        Assert.Equal("Unhealthy", await after.Content.ReadAsStringAsync(ct));
        using var ready = await client.GetAsync(new Uri("health/ready", UriKind.Relative), ct);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        using var live = await client.GetAsync(new Uri("health/live", UriKind.Relative), ct);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }
}
