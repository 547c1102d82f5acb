using System.Net;
using IncidentDesk.Testing;
using Microsoft.Data.Sqlite;

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
    }
}
