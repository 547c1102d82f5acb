using System.Globalization;
using System.Net;
using System.Text;
using IncidentDesk.Core.Campaigns;
using IncidentDesk.Core.Compliance;
using IncidentDesk.Core.Compliance.Drafts;
using IncidentDesk.Core.Coops;
using IncidentDesk.IntegrationTests.Incidents;
using IncidentDesk.Testing;
using IncidentDesk.Web.Features.Audit;
using IncidentDesk.Web.Components;
using IncidentDesk.Web.Features.Coops;
using IncidentDesk.Web.Features.Notifications.Versions;
using IncidentDesk.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentDesk.IntegrationTests.Coops;

/// <summary>A co-op's detail as each role may read it, the directory filters, and the directory download over real HTTP.</summary>
public sealed class CoopProfileAndExportTests(OwnHostFixture fixture) : IClassFixture<OwnHostFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<int> CoopIdAsync(string code)
    {
        await using var db = fixture.CreateDb();
        return await db.Coops.Where(c => c.Code == code).Select(c => c.Id).SingleAsync(Ct);
    }

    [Fact]
    public async Task A_liaison_reads_their_own_coop_but_another_id_answers_like_a_missing_one_and_is_audited()
    {
        var own = await CoopIdAsync("SP-004");
        var other = await CoopIdAsync("RJ-001");
        await using var scope = Audit.ActingAs.Scope(fixture.Host, AppRoles.CoopLiaison, own);
        var profiles = scope.ServiceProvider.GetRequiredService<CoopProfileService>();

        var mine = await profiles.GetAsync(own, Ct);
        Assert.NotNull(mine);
        Assert.Equal("SP-004", mine.Identity.Code);
        Assert.Contains(mine.Incidents, i => i.Reference == "INC-2026-0001");

        Assert.Null(await profiles.GetAsync(other, Ct));
        Assert.Null(await profiles.GetAsync(int.MaxValue, Ct));
        await using var db = fixture.CreateDb();
        var user = scope.ServiceProvider.GetRequiredService<CurrentUser>();
        Assert.Equal([other.ToString(CultureInfo.InvariantCulture)], await db.AuditEntries
            .Where(e => e.Action == AuditActions.AccessDenied && e.EntityType == nameof(Coop) && e.ActorId == user.UserId)
            .Select(e => e.EntityId).ToListAsync(Ct));
    }

    [Fact]
    public async Task The_detail_lists_the_coops_liaisons_and_its_open_tasks_with_the_overdue_ones_marked()
    {
        var coopId = await CoopIdAsync("GO-001");
        var liaison = await TestAccounts.CreateAsync(fixture.Host, AppRoles.CoopLiaison, "GO-001", twoFactor: false);
        var now = DateTime.UtcNow;
        await using (var db = fixture.CreateDb())
        {
            var incident = await db.Incidents.SingleAsync(i => i.Reference == "INC-2026-0001", Ct);
            var campaign = new Campaign { IncidentId = incident.Id, Title = "Contenção GO", LaunchedAtUtc = now, LaunchedBy = "teste" };
            campaign.Tasks.Add(new CampaignTask { Order = 1, Title = "Trocar senhas", DueAtUtc = now.AddDays(-2) });
            campaign.Tasks.Add(new CampaignTask { Order = 2, Title = "Revisar acessos", DueAtUtc = now.AddDays(5) });
            campaign.Tasks.Add(new CampaignTask { Order = 3, Title = "Já concluída", DueAtUtc = now.AddDays(-5) });
            db.Campaigns.Add(campaign);
            await db.SaveArrangedAsync(Ct);
            db.CoopTasks.AddRange(campaign.Tasks.Select(t => new CoopTask
            {
                CampaignTaskId = t.Id, CampaignId = campaign.Id, CoopId = coopId, UpdatedAtUtc = now,
                Status = t.Order == 3 ? CoopTaskStatus.Done : CoopTaskStatus.Open,
            }));
            await db.SaveArrangedAsync(Ct);
        }

        await using var scope = Audit.ActingAs.Scope(fixture.Host, AppRoles.Auditor);
        var profile = await scope.ServiceProvider.GetRequiredService<CoopProfileService>().GetAsync(coopId, Ct);

        Assert.NotNull(profile);
        var person = Assert.Single(profile.Liaisons);
        Assert.Equal((liaison.Email, false, true, false), (person.Email, person.TwoFactorEnrolled, person.IsActive, person.IsLockedOut));
        Assert.Equal([("Trocar senhas", true), ("Revisar acessos", false)], profile.OpenTasks.Select(t => (t.Title, t.IsOverdue)));
        Assert.Equal(1, profile.OverdueCount);

        // The same co-op now appears under both involvement filters.
        var directory = scope.ServiceProvider.GetRequiredService<CoopDirectoryService>();
        var withTasks = await directory.SearchAsync(new CoopQuery(Involvement: CoopInvolvementFilter.OpenTasks, PageSize: 500), Ct);
        Assert.Equal(["GO-001"], withTasks.Rows.Select(r => r.Code));
    }

    [Fact]
    public async Task The_directory_filters_by_federation_and_by_involvement_in_an_open_incident()
    {
        await using var scope = Audit.ActingAs.Scope(fixture.Host, AppRoles.PrivacyOfficer);
        var directory = scope.ServiceProvider.GetRequiredService<CoopDirectoryService>();

        var acre = await directory.SearchAsync(new CoopQuery(Federation: "FED-AC", PageSize: 500), Ct);
        var involved = await directory.SearchAsync(new CoopQuery(Involvement: CoopInvolvementFilter.OpenIncident, PageSize: 500), Ct);

        Assert.Equal(DemoDirectory.Build().Single(f => f.Code == "FED-AC").Coops.Select(c => c.Code).Order(), acre.Rows.Select(r => r.Code).Order());
        Assert.Equal(["GO-001", "MG-002", "SP-004"], involved.Rows.Select(r => r.Code).Order());
        Assert.Contains(await directory.FederationsAsync(Ct), f => f.Code == "FED-AC");
    }

    [Fact]
    public async Task Officers_download_the_directory_as_a_semicolon_utf8_csv_and_liaisons_are_turned_away()
    {
        var officer = await TestAccounts.CreateAsync(fixture.Host, AppRoles.PrivacyOfficer);
        using var browser = fixture.Host.CreateBrowserClient();
        (await SignIn.SignInAsync(browser, officer)).Dispose();

        using var response = await browser.GetAsync(new Uri("coops/export/csv", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.CacheControl?.NoStore);
        var bytes = await response.Content.ReadAsByteArrayAsync(Ct);
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("\"code\";\"name\";\"cnpj\";\"uf\";\"city\";\"federation\";\"encarregado_name\";\"encarregado_email\";\"encarregado_phone\";\"small_processing_agent\";\"active\"", lines[0]);
        await using var db = fixture.CreateDb();
        Assert.Equal(await db.Coops.CountAsync(Ct), lines.Length - 1);
        Assert.StartsWith("\"AC-001\";\"CoopSaúde Rio Branco\";", lines[1], StringComparison.Ordinal);
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == AuditActions.Exported && e.EntityType == nameof(Coop) && e.ActorName == officer.Email, Ct));

        var liaison = await TestAccounts.CreateAsync(fixture.Host, AppRoles.CoopLiaison, "SP-004");
        using var liaisonBrowser = fixture.Host.CreateBrowserClient();
        (await SignIn.SignInAsync(liaisonBrowser, liaison)).Dispose();
        using var refused = await liaisonBrowser.GetAsync(new Uri("coops/export/csv", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("/account/access-denied", refused.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_coop_page_and_the_dashboard_show_the_next_deadline_not_yet_filed_and_move_on_once_the_anpd_communication_is_filed()
    {
        var mg = await CoopIdAsync("MG-002");
        var incidentId = await fixture.ReferenceIncidentIdAsync();
        DateTime knowledge;
        await using (var db = fixture.CreateDb())
        {
            knowledge = await db.CoopInvolvements.Where(v => v.IncidentId == incidentId && v.CoopId == mg).Select(v => v.KnowledgeAtUtc).SingleAsync(Ct);
        }

        await using var officer = Audit.ActingAs.Scope(fixture.Host, AppRoles.PrivacyOfficer);
        var profiles = officer.ServiceProvider.GetRequiredService<CoopProfileService>();
        var before = (await profiles.GetAsync(mg, Ct))!.Incidents.Single(i => i.IncidentId == incidentId).NextDeadline;
        Assert.Equal(DeadlineKind.AnpdCommunication, before?.Kind);
        Assert.Equal(DeadlineUrgency.Overdue, before!.Countdown.Urgency);

        var versions = officer.ServiceProvider.GetRequiredService<DraftVersionService>();
        var saved = await versions.SaveGeneratedAsync(incidentId, mg, DraftKind.AnpdPreliminary, Ct);
        Assert.True((await versions.ApproveAsync(incidentId, saved.Value, asPreliminary: true, Ct)).Succeeded);
        Assert.True((await officer.ServiceProvider.GetRequiredService<FilingService>()
            .RecordForVersionAsync(incidentId, saved.Value, "00261.000999/2026-02", BrasiliaTime.ToLocal(knowledge.AddHours(2)), Ct)).Succeeded);

        var after = (await profiles.GetAsync(mg, Ct))!.Incidents.Single(i => i.IncidentId == incidentId).NextDeadline;
        Assert.NotNull(after);
        Assert.NotEqual(DeadlineKind.AnpdCommunication, after.Kind);
        var dashboard = await officer.ServiceProvider.GetRequiredService<Web.Features.Dashboard.DashboardService>().NextDeadlinesAsync(Ct);
        Assert.Equal(DeadlineKind.AnpdCommunication, dashboard.Single(d => d.CoopCode == "SP-004").Kind);
        Assert.NotEqual(DeadlineKind.AnpdCommunication, dashboard.Single(d => d.CoopCode == "MG-002").Kind);
    }
}
