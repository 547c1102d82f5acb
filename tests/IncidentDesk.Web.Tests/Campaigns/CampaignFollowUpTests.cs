using IncidentDesk.Web.Features.Campaigns.Matrix;
using IncidentDesk.Web.Features.Campaigns.Overdue;
using IncidentDesk.Web.Features.Campaigns.Tasks;
using System.Security.Claims;
using IncidentDesk.Core.Compliance;
using IncidentDesk.Data;
using IncidentDesk.Web.Features.Audit;
using IncidentDesk.Web.Features.Campaigns;
using IncidentDesk.Web.Security;
using IncidentDesk.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentDesk.Web.Tests.Campaigns;

/// <summary>
/// What the officers chase, on the real services over <see cref="ProgressMatrixDatabase"/> (task 1 of "Contenção" was due
/// yesterday; only AC-002 left it unfinished, blocked): the late and blocked counts of a campaign, the late count on the
/// co-op's matrix row, the list of late co-ops with whom to write to, and downloads that follow the matrix filters.
/// </summary>
public sealed class CampaignFollowUpTests : MudComponentTestBase, IClassFixture<ProgressMatrixDatabase>
{
    private static readonly TimeSpan Patience = Waits.Patience;

    private readonly ProgressMatrixDatabase _database;

    public CampaignFollowUpTests(ProgressMatrixDatabase database)
    {
        _database = database;
        AddDeskDatabase(database.Directory.Configure);
        Services.AddSingleton(TimeProvider.System);
        Services.AddSingleton(BusinessCalendar.Default);
        Services.AddScoped<AuditLog>();
        Services.AddDeskMail();
        Services.AddScoped<CampaignService>();
        Services.AddScoped<CampaignProgressService>();
        Services.AddScoped<CoopTaskService>();
        Services.AddScoped<AuditTrailService>();
        Services.AddScoped(_ => Viewer);
    }

    private CurrentUser Viewer { get; } = As(AppRoles.PrivacyOfficer);

    private static CurrentUser As(string role)
    {
        var user = new CurrentUser();
        user.Set(new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, "viewer"), new Claim(ClaimTypes.Name, "viewer@federacao.example"), new Claim(ClaimTypes.Role, role)], "test")));
        return user;
    }

    [Fact]
    public void The_campaign_list_shows_how_many_tasks_are_blocked_and_overdue_and_only_where_there_are_any()
    {
        var auth = AddAuthorization();
        auth.SetAuthorized("viewer@federacao.example");
        auth.SetRoles(AppRoles.PrivacyOfficer);
        auth.SetPolicies(Policies.Officer, Policies.OfficerOrAuditor);

        var cut = RenderWithMud<IncidentTasksPanel>(p => p.Add(m => m.IncidentId, _database.IncidentId));

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=campaign-row]").Count), Patience);
        var containment = cut.FindAll("[data-testid=campaign-row]").Single(r => r.TextContent.Contains("Contenção", StringComparison.Ordinal));
        Assert.Equal("1 bloqueada(s)", containment.QuerySelector("[data-testid=campaign-blocked]")!.TextContent.Trim());
        Assert.Equal("1 atrasada(s)", containment.QuerySelector("[data-testid=campaign-overdue]")!.TextContent.Trim());
        var live = cut.FindAll("[data-testid=campaign-row]").Single(r => r.TextContent.Contains("Ao vivo", StringComparison.Ordinal));
        Assert.Null(live.QuerySelector("[data-testid=campaign-blocked]"));
        Assert.Null(live.QuerySelector("[data-testid=campaign-overdue]"));
    }

    [Fact]
    public void A_coops_matrix_row_says_how_many_of_its_tasks_are_overdue()
    {
        var cut = RenderWithMud<ProgressMatrix>(p => p.Add(m => m.CampaignId, _database.CampaignId));
        cut.WaitForAssertion(() => Assert.Equal(4, cut.FindAll("[data-testid=matrix-row]").Count), Patience);

        var badges = cut.FindAll("[data-testid=matrix-row-overdue]");

        var badge = Assert.Single(badges);
        Assert.Equal("AC-002", badge.Closest("[data-testid=matrix-row]")!.GetAttribute("data-coop"));
        Assert.Equal("1 atrasada(s)", badge.TextContent.Trim());
        Assert.Equal("1 tarefa(s) vencida(s) e não concluída(s)", badge.GetAttribute("title"));
    }

    [Fact]
    public void The_export_buttons_download_what_the_filters_show()
    {
        var cut = RenderWithMud<ProgressMatrix>(p => p.Add(m => m.CampaignId, _database.CampaignId));
        cut.WaitForAssertion(() => Assert.Equal(4, cut.FindAll("[data-testid=matrix-row]").Count), Patience);
        Assert.Equal($"campaigns/{_database.CampaignId}/matrix/xlsx", cut.Find("[data-testid=matrix-export-xlsx]").GetAttribute("href"));

        cut.Find("input[data-testid=filter-overdue], [data-testid=filter-overdue] input").Change(true);
        cut.Find("input[data-testid=filter-blocked], [data-testid=filter-blocked] input").Change(true);

        cut.WaitForAssertion(() => Assert.Equal($"campaigns/{_database.CampaignId}/matrix/csv?overdue=true&blocked=true",
            cut.Find("[data-testid=matrix-export-csv]").GetAttribute("href")), Patience);
        Assert.Equal("Exportar XLSX", cut.Find("[data-testid=matrix-export-xlsx]").TextContent.Trim());
    }

    [Fact]
    public void The_overdue_list_names_each_late_coop_with_its_count_and_mailto_links_to_its_encarregado()
    {
        var cut = RenderWithMud<OverdueCoopsList>(p => p.Add(m => m.CampaignId, _database.CampaignId));

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=overdue-row]")), Patience);
        var row = cut.Find("[data-testid=overdue-row]");
        Assert.Equal("AC-002", row.GetAttribute("data-coop"));
        Assert.Equal("1", row.QuerySelector("[data-testid=overdue-count]")!.TextContent.Trim());
        Assert.Contains(row.QuerySelectorAll("a"), a => a.GetAttribute("href")!.StartsWith("mailto:", StringComparison.Ordinal));
        Assert.Contains("Sem contato: nenhum ponto focal ativo", row.TextContent, StringComparison.Ordinal);
        Assert.Equal("1 cooperativa(s) com tarefas vencidas e não concluídas — as mais atrasadas primeiro.", cut.Find("[data-testid=overdue-lead]").TextContent.Trim());
    }

    [Fact]
    public void A_campaign_with_nothing_late_says_so_and_a_liaison_gets_no_list()
    {
        var onTime = RenderWithMud<OverdueCoopsList>(p => p.Add(m => m.CampaignId, _database.LiveCampaignId));
        onTime.WaitForAssertion(() => Assert.NotEmpty(onTime.FindAll("[data-testid=overdue-empty]")), Patience);

        Viewer.Set(As(AppRoles.CoopLiaison).Principal);
        var refused = RenderWithMud<OverdueCoopsList>(p => p.Add(m => m.CampaignId, _database.CampaignId));

        refused.WaitForAssertion(() => Assert.Empty(refused.FindAll(".mud-progress-linear")), Patience);
        Assert.Empty(refused.FindAll("[data-testid=overdue-list]"));
    }
}
