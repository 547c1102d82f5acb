using IncidentDesk.Core.Campaigns;
using IncidentDesk.IntegrationTests.Incidents;
using IncidentDesk.Web.Features.Campaigns;
using IncidentDesk.Web.Features.Dashboard;
using IncidentDesk.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentDesk.IntegrationTests.Dashboard;

/// <summary>
/// What the dashboard aggregates for each reader over the real database: the federation for officers, only their own
/// co-op's tasks and deadlines for a liaison, nothing of an incident a liaison's co-op has no part in.
/// </summary>
public sealed class DashboardServiceTests(OwnHostFixture fixture) : IClassFixture<OwnHostFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<int> LaunchSaoPauloCampaignAsync()
    {
        var incidentId = await fixture.ReferenceIncidentIdAsync();
        await using var scope = Audit.ActingAs.Scope(fixture.Host, AppRoles.PrivacyOfficer);
        var result = await scope.ServiceProvider.GetRequiredService<CampaignService>().LaunchAsync(new CampaignLaunch(incidentId,
            $"Painel {Guid.NewGuid():N}", null, [new CampaignTaskInput("Confirmar o uso do aplicativo", "Sim ou não.", 5, false, TaskAnswerType.YesNo)],
            CampaignAudience.Uf, "SP"), Ct);
        Assert.True(result.Succeeded);
        return result.Value.CampaignId;
    }

    private async Task<DashboardView> ViewAsync(string role, string? coopCode = null, int? campaignId = null)
    {
        int? coopId = null;
        if (coopCode is not null)
        {
            await using var db = fixture.CreateDb();
            coopId = await db.Coops.Where(c => c.Code == coopCode).Select(c => c.Id).SingleAsync(Ct);
        }

        await using var scope = Audit.ActingAs.Scope(fixture.Host, role, coopId);
        return await scope.ServiceProvider.GetRequiredService<DashboardService>().GetAsync(campaignId, Ct);
    }

    [Fact]
    public async Task An_officer_sees_every_controllers_deadline_the_campaigns_and_completion_in_every_uf()
    {
        var campaignId = await LaunchSaoPauloCampaignAsync();
        await using var db = fixture.CreateDb();
        var controllers = await db.CoopInvolvements.Where(v => v.Incident!.Reference == "INC-2026-0001" && v.Role == Core.Incidents.InvolvementRole.ControllerAffected)
            .Select(v => v.Coop!.Code).ToListAsync(Ct);
        var saoPauloCoops = await db.Coops.CountAsync(c => c.Uf == "SP" && c.IsActive, Ct);

        var view = await ViewAsync(AppRoles.PrivacyOfficer, campaignId: campaignId);

        Assert.True(view.Federation);
        Assert.Equal(1, view.OpenIncidentCount);
        Assert.Equal(controllers.Order(StringComparer.Ordinal), view.Deadlines.Select(d => d.CoopCode).Order(StringComparer.Ordinal));
        var campaign = Assert.Single(view.Campaigns, c => c.CampaignId == campaignId);
        Assert.Equal((0, saoPauloCoops), (campaign.Finished, campaign.Total));
        Assert.Equal(campaignId, view.SelectedCampaignId);
        Assert.Equal(27, view.Ufs.Count);
        Assert.Equal((0, saoPauloCoops), view.Ufs.Where(u => u.Uf == "SP").Select(u => (u.Finished, u.Total)).Single());
        Assert.All(view.Ufs.Where(u => u.Uf != "SP"), u => Assert.Null(u.Percent));
        Assert.NotEmpty(view.Activity);
        Assert.Empty(view.MyTasks);
    }

    [Fact]
    public async Task A_liaison_gets_only_their_coops_tasks_and_deadlines_and_no_federation_figures()
    {
        await LaunchSaoPauloCampaignAsync();

        var view = await ViewAsync(AppRoles.CoopLiaison, "SP-004");

        Assert.False(view.Federation);
        Assert.Equal("SP-004", Assert.Single(view.Deadlines).CoopCode);
        Assert.NotEmpty(view.MyTasks);
        Assert.All(view.MyTasks, t => Assert.Equal("SP-004", t.CoopCode));
        Assert.Empty(view.Campaigns);
        Assert.Empty(view.Ufs);
        Assert.Empty(view.OverdueCoops);
        Assert.NotEmpty(view.Activity);
        await using var db = fixture.CreateDb();
        var shown = view.Activity.Select(a => a.EventId).ToList();
        Assert.True(await db.TimelineEvents.Where(e => shown.Contains(e.Id)).AllAsync(e => e.SharedWithCoops, Ct));
    }

    [Fact]
    public async Task A_liaison_whose_coop_has_no_part_in_any_open_incident_sees_none_of_it()
    {
        var view = await ViewAsync(AppRoles.CoopLiaison, "RO-001");

        Assert.Equal(0, view.OpenIncidentCount);
        Assert.Empty(view.Deadlines);
        Assert.Empty(view.Activity);
        Assert.Empty(view.MyTasks);
    }
}
