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
        // As if an older build had migrated this database: the newest migration is not recorded.
        await RawSql.ExecuteAsync(host,
            """DELETE FROM "__EFMigrationsHistory" WHERE "MigrationId" = (SELECT MAX("MigrationId") FROM "__EFMigrationsHistory")""");

        using var ready = await client.GetAsync(new Uri("health/ready", UriKind.Relative), ct);
        using var live = await client.GetAsync(new Uri("health/live", UriKind.Relative), ct);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }

    [Fact]
    public async Task Health_is_503_while_the_database_is_unreachable_and_200_again_once_it_returns()
    {
        await using var host = new IncidentDeskHost(seedDemo: false);
        using var client = host.CreateBrowserClient();
        var ct = TestContext.Current.CancellationToken;
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(client, "health", ct));

        await SetDatabaseReachableAsync(host, reachable: false);
        using (var after = await client.GetAsync(new Uri("health", UriKind.Relative), ct))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, after.StatusCode);
            Assert.Equal("Unhealthy", await after.Content.ReadAsStringAsync(ct));
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, await StatusAsync(client, "health/ready", ct));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(client, "health/live", ct));

        await SetDatabaseReachableAsync(host, reachable: true);
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(client, "health/ready", ct));
    }

    private static async Task<HttpStatusCode> StatusAsync(HttpClient client, string path, CancellationToken ct)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), ct);
        return response.StatusCode;
    }

    /// <summary>
    /// The database goes away under the running app and comes back: on PostgreSQL the server refuses this database's
    /// connections; on SQLite the file disappears (volume unmounted) and is put back.
    /// </summary>
    private static async Task SetDatabaseReachableAsync(IncidentDeskHost host, bool reachable)
    {
        if (IncidentDeskHost.Provider == DatabaseProvider.PostgreSQL)
        {
            await ThrowawayPostgres.Shared.SetReachableAsync(host.ConnectionString, reachable);
            return;
        }

        SqliteConnection.ClearAllPools();
        var aside = Directory.CreateDirectory(Path.Combine(host.DataFolder, "unmounted")).FullName;
        foreach (var file in Directory.GetFiles(host.DataFolder, "incidentdesk.db*"))
        {
            if (reachable)
            {
                File.Delete(file); // the empty file a probe created while the real one was away
            }
            else
            {
                File.Move(file, Path.Combine(aside, Path.GetFileName(file)));
            }
        }

        if (reachable)
        {
            foreach (var file in Directory.GetFiles(aside))
            {
                File.Move(file, Path.Combine(host.DataFolder, Path.GetFileName(file)));
            }
        }
    }
}
