using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IncidentDesk.Core.Campaigns;
using IncidentDesk.IntegrationTests.Incidents;
using IncidentDesk.Testing;
using IncidentDesk.Web.Features.Campaigns;
using IncidentDesk.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentDesk.IntegrationTests.Api;

/// <summary>A co-op's ticketing tool answering its tasks with a personal access token.</summary>
public sealed class TaskApiTests(OwnHostFixture fixture) : IClassFixture<OwnHostFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<int> LaunchAsync()
    {
        var incidentId = await fixture.ReferenceIncidentIdAsync();
        await using var officer = Audit.ActingAs.Scope(fixture.Host, AppRoles.PrivacyOfficer);
        var result = await officer.ServiceProvider.GetRequiredService<CampaignService>().LaunchAsync(new CampaignLaunch(incidentId,
            $"Campanha {Guid.NewGuid():N}", null, [new("Usa a integração de chat?", null, 2, false, TaskAnswerType.YesNo)],
            CampaignAudience.AllCoops), Ct);
        return result.Value.CampaignId;
    }

    private async Task<(int Own, int Other)> TaskIdsAsync(int campaignId)
    {
        await using var db = fixture.CreateDb();
        var ids = await db.CoopTasks.Where(t => t.CampaignId == campaignId)
            .Join(db.Coops, t => t.CoopId, c => c.Id, (t, c) => new { t.Id, c.Code }).ToListAsync(Ct);
        return (ids.Single(t => t.Code == "SP-004").Id, ids.Single(t => t.Code == "RJ-001").Id);
    }

    private async Task<HttpClient> LiaisonAsync()
    {
        var liaison = await TestAccounts.CreateAsync(fixture.Host, AppRoles.CoopLiaison, "SP-004", twoFactor: false);
        return ApiTokens.Client(fixture.Host, (await ApiTokens.CreateAsync(fixture.Host, liaison)).Secret);
    }

    [Fact]
    public async Task A_liaison_lists_and_answers_their_coops_task_with_the_version_they_read()
    {
        var (own, _) = await TaskIdsAsync(await LaunchAsync());
        using var client = await LiaisonAsync();

        var mine = await client.GetFromJsonAsync<JsonElement>(new Uri("api/v1/tasks", UriKind.Relative), Ct);
        Assert.All(mine.EnumerateArray(), t => Assert.Equal("SP-004", t.GetProperty("coopCode").GetString()));
        var task = await client.GetFromJsonAsync<JsonElement>(new Uri($"api/v1/tasks/{own}", UriKind.Relative), Ct);

        using var response = await client.PatchAsJsonAsync(new Uri($"api/v1/tasks/{own}", UriKind.Relative),
            new { status = "Done", answer = "Não", version = task.GetProperty("version").GetInt32() }, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var updated = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("Done", updated.GetProperty("status").GetString());
        Assert.Equal("não", updated.GetProperty("answer").GetString());
        Assert.Contains(mine.EnumerateArray(), t => t.GetProperty("id").GetInt32() == own);
    }

    [Fact]
    public async Task A_stale_version_gets_409_with_the_task_as_it_now_is()
    {
        var (own, _) = await TaskIdsAsync(await LaunchAsync());
        using var client = await LiaisonAsync();
        using (var first = await client.PatchAsJsonAsync(new Uri($"api/v1/tasks/{own}", UriKind.Relative),
                   new { status = "InProgress", version = 0 }, Ct))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        using var stale = await client.PatchAsJsonAsync(new Uri($"api/v1/tasks/{own}", UriKind.Relative),
            new { status = "Blocked", note = "Aguardando o fornecedor", version = 0 }, Ct);

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var problem = await stale.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("Conflict", problem.GetProperty("code").GetString());
        Assert.Equal("InProgress", problem.GetProperty("current").GetProperty("status").GetString());
        Assert.Contains("Em andamento", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_update_says_which_field_and_why_in_portuguese()
    {
        var (own, _) = await TaskIdsAsync(await LaunchAsync());
        using var client = await LiaisonAsync();

        using var response = await client.PatchAsJsonAsync(new Uri($"api/v1/tasks/{own}", UriKind.Relative),
            new { status = "Blocked", version = 0 }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("ReasonRequired", problem.GetProperty("codes").GetProperty("note").GetString());
        Assert.Equal("Informe o motivo do bloqueio.", problem.GetProperty("errors").GetProperty("note")[0].GetString());
    }

    [Fact]
    public async Task Another_coops_task_is_404_to_read_and_to_update_and_stays_untouched()
    {
        var campaignId = await LaunchAsync();
        var (_, other) = await TaskIdsAsync(campaignId);
        using var client = await LiaisonAsync();

        using var read = await client.GetAsync(new Uri($"api/v1/tasks/{other}", UriKind.Relative), Ct);
        using var write = await client.PatchAsJsonAsync(new Uri($"api/v1/tasks/{other}", UriKind.Relative),
            new { status = "Done", answer = "sim", version = 0 }, Ct);

        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, write.StatusCode);
        await using var db = fixture.CreateDb();
        Assert.Equal(CoopTaskStatus.Open, await db.CoopTasks.Where(t => t.Id == other).Select(t => t.Status).SingleAsync(Ct));
    }
}
