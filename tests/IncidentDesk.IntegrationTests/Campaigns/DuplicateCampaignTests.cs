using System.Globalization;
using IncidentDesk.Core.Campaigns;
using IncidentDesk.IntegrationTests.Incidents;
using IncidentDesk.Web.Features.Campaigns;
using IncidentDesk.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentDesk.IntegrationTests.Campaigns;

/// <summary>
/// Launching the same playbook again while its campaign still stands would send every co-op the same tasks twice: the
/// service refuses it naming the active campaign, unless the officer asks for it with a reason the audit trail keeps.
/// </summary>
public sealed class DuplicateCampaignTests(OwnHostFixture fixture) : IClassFixture<OwnHostFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_second_launch_of_the_same_playbook_is_refused_naming_the_active_campaign_and_its_progress()
    {
        var incidentId = await fixture.NewIncidentAsync();
        var playbookId = await fixture.SeededPlaybookIdAsync();
        var first = await fixture.LaunchAsync(CampaignArrangement.Playbook(incidentId, playbookId, "Primeira contenção"));

        var second = await fixture.LaunchAsync(CampaignArrangement.Playbook(incidentId, playbookId, "Outro título, mesmo playbook"));

        Assert.True(second.IsConflict, second.ToString());
        Assert.Equal(CampaignError.DuplicateCampaign, second.Conflict!.Code);
        var active = second.CurrentState<ActiveCampaign>();
        Assert.Equal(new ActiveCampaign(first.Value.CampaignId, "Primeira contenção", 0, 8), active);
        await using var db = fixture.CreateDb();
        Assert.Equal(1, await db.Campaigns.CountAsync(c => c.IncidentId == incidentId, Ct));
    }

    [Fact]
    public async Task With_allow_duplicate_and_a_reason_it_launches_and_the_reason_is_in_the_launch_audit_entry()
    {
        var incidentId = await fixture.NewIncidentAsync();
        var playbookId = await fixture.SeededPlaybookIdAsync();
        var first = await fixture.LaunchAsync(CampaignArrangement.Playbook(incidentId, playbookId));
        var reason = "Segunda onda: o broker voltou a ficar exposto após a correção";

        var second = await fixture.LaunchAsync(CampaignArrangement.Playbook(incidentId, playbookId) with
        {
            AllowDuplicate = true, DuplicateReason = reason,
        });

        Assert.True(second.Succeeded, second.ToString());
        await using var db = fixture.CreateDb();
        var entry = await db.AuditEntries.SingleAsync(e => e.Action == CampaignService.LaunchedAction
            && e.EntityId == second.Value.CampaignId.ToString(CultureInfo.InvariantCulture), Ct);
        using var changes = System.Text.Json.JsonDocument.Parse(entry.Changes!);
        Assert.Equal(reason, changes.RootElement.GetProperty("DuplicateReason").GetString());
        Assert.Equal(first.Value.CampaignId, changes.RootElement.GetProperty("DuplicateOf").GetInt32());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public async Task Allowing_a_duplicate_without_a_reason_is_refused_on_the_reason_field_and_nothing_is_launched(string? reason)
    {
        var incidentId = await fixture.NewIncidentAsync();
        var playbookId = await fixture.SeededPlaybookIdAsync();
        await fixture.LaunchAsync(CampaignArrangement.Playbook(incidentId, playbookId));

        var second = await fixture.LaunchAsync(CampaignArrangement.Playbook(incidentId, playbookId) with
        {
            AllowDuplicate = true, DuplicateReason = reason,
        });

        Assert.True(second.IsInvalid, second.ToString());
        Assert.Equal(CampaignError.Required, second.ErrorCodes[CampaignField.DuplicateReason]);
        await using var db = fixture.CreateDb();
        Assert.Equal(1, await db.Campaigns.CountAsync(c => c.IncidentId == incidentId, Ct));
    }

    [Fact]
    public async Task Without_a_playbook_the_same_title_is_the_repeat_and_another_title_is_not()
    {
        var incidentId = await fixture.NewIncidentAsync();
        CampaignTaskInput[] tasks = [new("Trocar as credenciais do broker", null, 2, false, TaskAnswerType.StatusOnly)];
        await fixture.LaunchAsync(new CampaignLaunch(incidentId, "Troca de credenciais", null, tasks, CampaignAudience.InvolvedCoops));

        var sameTitle = await fixture.LaunchAsync(new CampaignLaunch(incidentId, "  troca de CREDENCIAIS ", null, tasks, CampaignAudience.InvolvedCoops));
        var otherTitle = await fixture.LaunchAsync(new CampaignLaunch(incidentId, "Revisão de acessos", null, tasks, CampaignAudience.InvolvedCoops));

        Assert.True(sameTitle.IsConflict, sameTitle.ToString());
        Assert.True(otherTitle.Succeeded, otherTitle.ToString());
    }

    [Fact]
    public async Task A_cancelled_campaign_and_a_finished_one_are_no_longer_active_so_the_playbook_launches_again()
    {
        var incidentId = await fixture.NewIncidentAsync();
        var playbookId = await fixture.SeededPlaybookIdAsync();
        var first = await fixture.LaunchAsync(CampaignArrangement.Playbook(incidentId, playbookId));
        Assert.True((await fixture.CancelAsync(first.Value.CampaignId, "Lançada no incidente errado")).Succeeded);

        var again = await fixture.LaunchAsync(CampaignArrangement.Playbook(incidentId, playbookId));

        Assert.True(again.Succeeded, again.ToString());
    }

    [Fact]
    public async Task The_preview_says_what_the_launch_creates_and_which_campaign_it_would_repeat()
    {
        var incidentId = await fixture.NewIncidentAsync();
        var playbookId = await fixture.SeededPlaybookIdAsync();
        await using var officer = Audit.ActingAs.Scope(fixture.Host, AppRoles.PrivacyOfficer);
        var campaigns = officer.ServiceProvider.GetRequiredService<CampaignService>();
        var toAll = CampaignArrangement.Playbook(incidentId, playbookId) with { Audience = CampaignAudience.AllCoops };

        var before = await campaigns.PreviewAsync(toAll, Ct);
        var launched = await fixture.LaunchAsync(CampaignArrangement.Playbook(incidentId, playbookId, "Só a SP-004"));
        var after = await campaigns.PreviewAsync(toAll, Ct);

        Assert.Equal((340, 8, 2720), (before!.CoopCount, before.TasksPerCoop, before.TotalTasks));
        Assert.Null(before.Duplicate);
        // The seeded playbook's shortest step is due in 1 business day: the end of that Brasília day.
        await using var db = fixture.CreateDb();
        var firstDue = await db.CampaignTasks.Where(t => t.CampaignId == launched.Value.CampaignId).MinAsync(t => t.DueAtUtc, Ct);
        Assert.Equal(firstDue, before.FirstDueAtUtc);
        Assert.Equal(new ActiveCampaign(launched.Value.CampaignId, "Só a SP-004", 0, 8), after!.Duplicate);
    }

    [Theory]
    [InlineData(AppRoles.CoopLiaison)]
    [InlineData(AppRoles.Auditor)]
    public async Task Only_officers_get_a_preview(string role)
    {
        var incidentId = await fixture.NewIncidentAsync();
        var coopId = role == AppRoles.CoopLiaison ? await fixture.CoopIdAsync("SP-004") : (int?)null;
        await using var scope = Audit.ActingAs.Scope(fixture.Host, role, coopId);

        var preview = await scope.ServiceProvider.GetRequiredService<CampaignService>()
            .PreviewAsync(CampaignArrangement.Playbook(incidentId, await fixture.SeededPlaybookIdAsync()), Ct);

        Assert.Null(preview);
    }
}
