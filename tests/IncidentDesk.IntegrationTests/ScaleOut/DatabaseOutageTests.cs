using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IncidentDesk.IntegrationTests.Api;
using IncidentDesk.Testing;
using IncidentDesk.Web.Security;

namespace IncidentDesk.IntegrationTests.ScaleOut;

/// <summary>
/// PostgreSQL going away under a running instance (a restart, a fail-over): a liaison's tool is told plainly that the
/// write was not confirmed and when to try again, and the same request sent again once the database is back goes through.
/// The whole restart under load is the harness's <c>load --scale-out --restart postgres</c>.
/// </summary>
[Requires(TestServer.PostgreSql, TestServer.Redis)]
public sealed class DatabaseOutageTests(ScaleOutFixture fixture) : IClassFixture<ScaleOutFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_write_while_the_database_is_away_answers_503_with_Retry_After_and_goes_through_when_sent_again()
    {
        var taskId = await fixture.LaunchTaskForSp004Async(Ct);
        var account = await TestAccounts.CreateAsync(fixture.A, AppRoles.CoopLiaison, "SP-004", twoFactor: false);
        using var liaison = ApiTokens.Client(fixture.A, (await ApiTokens.CreateAsync(fixture.A, account)).Secret);
        var update = new { status = "InProgress", note = "Servidor isolado", version = 0 };

        await ThrowawayPostgres.Shared.SetReachableAsync(fixture.SharedSettings["ConnectionStrings:IncidentDesk"]!, reachable: false);
        try
        {
            using var refused = await liaison.PatchAsJsonAsync(new Uri($"api/v1/tasks/{taskId}", UriKind.Relative), update, Ct);

            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            Assert.Equal(TimeSpan.FromSeconds(5), refused.Headers.RetryAfter?.Delta);
            using var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync(Ct));
            Assert.Equal("StorageUnavailable", problem.RootElement.GetProperty("code").GetString());
            Assert.Equal("Banco de dados indisponível no momento.", problem.RootElement.GetProperty("title").GetString());
        }
        finally
        {
            await ThrowawayPostgres.Shared.SetReachableAsync(fixture.SharedSettings["ConnectionStrings:IncidentDesk"]!, reachable: true);
        }

        using var retried = await liaison.PatchAsJsonAsync(new Uri($"api/v1/tasks/{taskId}", UriKind.Relative), update, Ct);
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        using var task = JsonDocument.Parse(await retried.Content.ReadAsStringAsync(Ct));
        Assert.Equal(1, task.RootElement.GetProperty("version").GetInt32());
    }
}
