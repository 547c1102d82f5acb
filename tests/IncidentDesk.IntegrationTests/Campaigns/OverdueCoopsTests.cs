using IncidentDesk.Web.Features.Campaigns.Matrix;
using IncidentDesk.Web.Features.Campaigns.Overdue;
using System.Globalization;
using IncidentDesk.Core.Campaigns;
using IncidentDesk.IntegrationTests.Incidents;
using IncidentDesk.Testing;
using IncidentDesk.Web.Features.Audit;
using IncidentDesk.Web.Features.Campaigns;
using IncidentDesk.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentDesk.IntegrationTests.Campaigns;

/// <summary>
/// Who to chase: the co-ops with tasks past due and unfinished, with their liaisons and encarregado, most late first;
/// and the counts the incident's campaign list shows. Done and "not applicable" tasks are never late.
/// </summary>
public sealed class OverdueCoopsTests(OwnHostFixture fixture) : IClassFixture<OwnHostFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>
    /// Task 1 was due five days ago, task 2 two days ago. Co-op 0 finished both; co-op 1 said task 1 does not apply and is
    /// blocked on task 2 (one late, since two days); co-op 2 did task 2 only (one late, since five days); the rest did nothing.
    /// </summary>
    private async Task<FollowUpCampaign> SeedAsync()
    {
        var campaign = await FollowUpCampaign.LaunchAsync(fixture, $"Cobrança {Guid.NewGuid():N}", Ct);
        Assert.True(campaign.CoopCodes.Count >= 4, "Acre needs at least four co-ops for this test");
        var codes = campaign.CoopCodes;
        await campaign.AnswerAsync(codes[0], 1, CoopTaskStatus.Done, "Não usamos", Ct);
        await campaign.AnswerAsync(codes[0], 2, CoopTaskStatus.Done, null, Ct);
        await campaign.AnswerAsync(codes[1], 1, CoopTaskStatus.NotApplicable, null, Ct);
        await campaign.AnswerAsync(codes[1], 2, CoopTaskStatus.Blocked, null, Ct);
        await campaign.AnswerAsync(codes[2], 2, CoopTaskStatus.Done, null, Ct);
        return campaign;
    }

    private async Task<OverdueList?> OverdueAsync(int campaignId, string role, int? coopId = null)
    {
        await using var scope = Audit.ActingAs.Scope(fixture.Host, role, coopId);
        return await scope.ServiceProvider.GetRequiredService<CampaignProgressService>().OverdueAsync(campaignId, Ct);
    }

    [Fact]
    public async Task Exactly_the_coops_with_late_unfinished_tasks_are_listed_most_late_first_then_the_longest_late()
    {
        var campaign = await SeedAsync();
        var codes = campaign.CoopCodes;

        var list = (await OverdueAsync(campaign.Id, AppRoles.PrivacyOfficer))!;

        Assert.Equal([.. codes.Skip(3), codes[2], codes[1]], list.Coops.Select(c => c.CoopCode));
        Assert.DoesNotContain(list.Coops, c => c.CoopCode == codes[0]);
        Assert.All(list.Coops.Take(codes.Count - 3), c => Assert.Equal(2, c.OverdueTasks));
        Assert.Equal((1, 1), (list.Coops[^2].OverdueTasks, list.Coops[^1].OverdueTasks));
        Assert.True(list.Coops[^2].OldestDueAtUtc < list.Coops[^1].OldestDueAtUtc);
    }

    [Fact]
    public async Task Each_late_coop_comes_with_its_active_liaisons_and_its_encarregados_email_and_phone()
    {
        var campaign = await SeedAsync();
        var code = campaign.CoopCodes[3];
        var liaison = await TestAccounts.CreateAsync(fixture.Host, AppRoles.CoopLiaison, code, twoFactor: false);
        await TestAccounts.CreateAsync(fixture.Host, AppRoles.PrivacyOfficer); // no co-op: never a contact
        await using var db = fixture.CreateDb();
        var coop = await db.Coops.AsNoTracking().SingleAsync(c => c.Code == code, Ct);

        var list = (await OverdueAsync(campaign.Id, AppRoles.Auditor))!;

        var row = list.Coops.Single(c => c.CoopCode == code);
        Assert.Equal(new CoopContact(coop.EncarregadoName, coop.EncarregadoEmail, coop.EncarregadoPhone), row.Encarregado);
        Assert.Equal([new CoopContact(liaison.Email, liaison.Email)], row.Liaisons);
        Assert.Equal((coop.Name, "AC"), (row.CoopName, row.Uf));
        Assert.Contains(liaison.Email, list.AllEmails);
        Assert.Contains(coop.EncarregadoEmail, list.AllEmails);
    }

    [Fact]
    public async Task A_liaison_never_gets_the_list_and_the_attempt_is_audited()
    {
        var campaign = await SeedAsync();
        var id = campaign.Id.ToString(CultureInfo.InvariantCulture);
        await using var db = fixture.CreateDb();
        var coopId = await db.Coops.Where(c => c.Code == campaign.CoopCodes[3]).Select(c => c.Id).SingleAsync(Ct);

        var list = await OverdueAsync(campaign.Id, AppRoles.CoopLiaison, coopId);

        Assert.Null(list);
        Assert.Equal(1, await db.AuditEntries.CountAsync(e => e.Action == AuditActions.AccessDenied && e.EntityType == nameof(Campaign) && e.EntityId == id, Ct));
    }

    [Fact]
    public async Task The_incidents_campaign_list_counts_blocked_and_overdue_tasks()
    {
        var campaign = await SeedAsync();
        var n = campaign.CoopCodes.Count;
        await using var scope = Audit.ActingAs.Scope(fixture.Host, AppRoles.PrivacyOfficer);

        var campaigns = await scope.ServiceProvider.GetRequiredService<CampaignService>().ListAsync(await fixture.ReferenceIncidentIdAsync(), Ct);

        var summary = Assert.Single(campaigns!, c => c.Id == campaign.Id);
        Assert.Equal((2 * n, 4, 1, (2 * (n - 3)) + 2), (summary.Total, summary.Finished, summary.Blocked, summary.Overdue));
    }
}
