using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IncidentDesk.Core.Campaigns;
using IncidentDesk.IntegrationTests.Campaigns;
using IncidentDesk.IntegrationTests.Incidents;
using IncidentDesk.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace IncidentDesk.IntegrationTests.Api;

/// <summary>
/// An officer's tool launching and withdrawing campaigns: the API refuses an accidental repeat with a 409 problem naming
/// the active campaign, exactly as the launch dialog does, and a withdrawn task refuses a liaison's answer.
/// </summary>
public sealed class CampaignApiTests(OwnHostFixture fixture) : IClassFixture<OwnHostFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static object Launch(int playbookId, bool allowDuplicate = false, string? duplicateReason = null) => new
    {
        title = "Contenção do broker", playbookId, audience = "InvolvedCoops", allowDuplicate, duplicateReason,
    };

    [Fact]
    public async Task A_launch_answers_201_with_the_campaign_and_a_repeat_409_naming_the_active_campaign_until_a_reason_is_given()
    {
        var incidentId = await fixture.NewIncidentAsync();
        var playbookId = await fixture.SeededPlaybookIdAsync();
        using var officer = await ApiClient.ForAsync(fixture.Host, AppRoles.PrivacyOfficer);
        var path = $"api/v1/incidents/{ApiClient.Id(incidentId)}/campaigns";

        using var created = await officer.PostAsync(path, Launch(playbookId));
        using var repeated = await officer.PostAsync(path, Launch(playbookId));
        using var noReason = await officer.PostAsync(path, Launch(playbookId, allowDuplicate: true));
        using var allowed = await officer.PostAsync(path, Launch(playbookId, allowDuplicate: true, duplicateReason: "Segunda onda do ataque"));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var campaign = await ApiClient.JsonAsync(created);
        var firstId = campaign.GetProperty("id").GetInt32();
        Assert.Equal((8, 1, 8), (campaign.GetProperty("taskCount").GetInt32(), campaign.GetProperty("coopCount").GetInt32(),
            campaign.GetProperty("coopTaskCount").GetInt32()));

        Assert.Equal(HttpStatusCode.Conflict, repeated.StatusCode);
        Assert.Equal("application/problem+json", repeated.Content.Headers.ContentType?.MediaType);
        var problem = await ApiClient.JsonAsync(repeated);
        Assert.Equal(409, problem.GetProperty("status").GetInt32());
        Assert.Equal("Campanha repetida", problem.GetProperty("title").GetString());
        Assert.Equal("DuplicateCampaign", problem.GetProperty("code").GetString());
        Assert.Equal(firstId, problem.GetProperty("activeCampaignId").GetInt32());
        Assert.Equal("Contenção do broker", problem.GetProperty("activeCampaignTitle").GetString());
        Assert.Equal((0, 8), (problem.GetProperty("progress").GetProperty("answered").GetInt32(),
            problem.GetProperty("progress").GetProperty("total").GetInt32()));
        Assert.Contains("“Contenção do broker”, com 0 de 8 tarefas respondidas", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        var invalid = await ApiClient.JsonAsync(noReason);
        Assert.Equal("Required", invalid.GetProperty("codes").GetProperty("duplicateReason").GetString());
        Assert.Equal("Campo obrigatório.", invalid.GetProperty("errors").GetProperty("duplicateReason")[0].GetString());

        Assert.Equal(HttpStatusCode.Created, allowed.StatusCode);
        await using var db = fixture.CreateDb();
        Assert.Equal(2, await db.Campaigns.CountAsync(c => c.IncidentId == incidentId, Ct));
    }

    [Fact]
    public async Task The_409_is_worded_in_english_when_asked()
    {
        var incidentId = await fixture.NewIncidentAsync();
        var playbookId = await fixture.SeededPlaybookIdAsync();
        using var officer = await ApiClient.ForAsync(fixture.Host, AppRoles.PrivacyOfficer);
        var path = $"api/v1/incidents/{ApiClient.Id(incidentId)}/campaigns";
        using var _ = await officer.PostAsync(path, Launch(playbookId));

        using var repeated = await officer.PostAsync(path, Launch(playbookId), "en-US");

        var problem = await ApiClient.JsonAsync(repeated);
        Assert.Equal("Repeated campaign", problem.GetProperty("title").GetString());
        Assert.Contains("with 0 of 8 tasks answered", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancelling_by_api_needs_a_reason_withdraws_the_tasks_and_a_liaisons_answer_on_one_is_refused_with_409()
    {
        var incidentId = await fixture.NewIncidentAsync();
        var launched = await fixture.LaunchAsync(CampaignArrangement.Playbook(incidentId, await fixture.SeededPlaybookIdAsync()));
        var campaignId = launched.Value.CampaignId;
        using var officer = await ApiClient.ForAsync(fixture.Host, AppRoles.PrivacyOfficer);
        using var liaison = await ApiClient.ForAsync(fixture.Host, AppRoles.CoopLiaison, "SP-004");
        using var otherLiaison = await ApiClient.ForAsync(fixture.Host, AppRoles.CoopLiaison, "RJ-001");
        var path = $"api/v1/campaigns/{ApiClient.Id(campaignId)}/cancellation";

        using var byLiaison = await liaison.PostAsync(path, new { reason = "Não quero" });
        using var byOther = await otherLiaison.PostAsync(path, new { reason = "Não é minha" });
        using var withoutReason = await officer.PostAsync(path, new { reason = " " });
        using var cancelled = await officer.PostAsync(path, new { reason = "Lançada no incidente errado" });
        using var twice = await officer.PostAsync(path, new { reason = "De novo" });

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (byLiaison.StatusCode, byOther.StatusCode));
        Assert.Equal(HttpStatusCode.BadRequest, withoutReason.StatusCode);
        Assert.Equal("Required", (await ApiClient.JsonAsync(withoutReason)).GetProperty("codes").GetProperty("reason").GetString());
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.Equal(8, (await ApiClient.JsonAsync(cancelled)).GetProperty("withdrawn").GetInt32());
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Equal("AlreadyCancelled", (await ApiClient.JsonAsync(twice)).GetProperty("code").GetString());

        await using var db = fixture.CreateDb();
        var task = await db.CoopTasks.FirstAsync(t => t.CampaignId == campaignId, Ct);
        using var answer = await liaison.Http.PatchAsJsonAsync(new Uri($"api/v1/tasks/{ApiClient.Id(task.Id)}", UriKind.Relative),
            new { status = "InProgress", version = task.Version }, Ct);
        using var peek = await otherLiaison.GetAsync($"api/v1/tasks/{ApiClient.Id(task.Id)}");
        Assert.Equal(HttpStatusCode.Conflict, answer.StatusCode);
        var refused = await ApiClient.JsonAsync(answer);
        Assert.Equal(("TaskWithdrawn", "Cancelled"), (refused.GetProperty("code").GetString(), refused.GetProperty("current").GetProperty("status").GetString()));
        Assert.Equal("Tarefa retirada", refused.GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.NotFound, peek.StatusCode);
        Assert.Equal(CoopTaskStatus.Cancelled, (await db.CoopTasks.AsNoTracking().SingleAsync(t => t.Id == task.Id, Ct)).Status);
    }

    [Fact]
    public async Task A_liaison_of_a_coop_outside_the_incident_gets_404_and_of_an_involved_coop_403_on_launch()
    {
        var incidentId = await fixture.NewIncidentAsync();
        var playbookId = await fixture.SeededPlaybookIdAsync();
        using var involved = await ApiClient.ForAsync(fixture.Host, AppRoles.CoopLiaison, "SP-004");
        using var outside = await ApiClient.ForAsync(fixture.Host, AppRoles.CoopLiaison, "RJ-001");
        var path = $"api/v1/incidents/{ApiClient.Id(incidentId)}/campaigns";

        using var fromInvolved = await involved.PostAsync(path, Launch(playbookId));
        using var fromOutside = await outside.PostAsync(path, Launch(playbookId));

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.NotFound), (fromInvolved.StatusCode, fromOutside.StatusCode));
        await using var db = fixture.CreateDb();
        Assert.False(await db.Campaigns.AnyAsync(c => c.IncidentId == incidentId, Ct));
    }
}
