using IncidentDesk.Web.Features.Campaigns.Tasks;
using System.Security.Claims;
using IncidentDesk.Data;
using IncidentDesk.Web.Features.Audit;
using IncidentDesk.Web.Features.Campaigns;
using IncidentDesk.Web.Features.Compliance;
using IncidentDesk.Web.Features.Coops;
using IncidentDesk.Web.Features.Dashboard;
using IncidentDesk.Web.Security;
using IncidentDesk.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentDesk.Web.Tests.Dashboard;

/// <summary>The dashboard page over the real services and a directory without any incident.</summary>
public sealed class DashboardPageTests : MudComponentTestBase, IClassFixture<SeededDirectoryDatabase>
{
    private static readonly TimeSpan Patience = Waits.Patience;

    public DashboardPageTests(SeededDirectoryDatabase database)
    {
        AddDeskDatabase(database.Configure);
        Services.AddSingleton(TimeProvider.System);
        Services.AddSingleton<BusinessCalendarProvider>();
        Services.AddSingleton<ICommunicationFilings, NoCommunicationFilings>();
        Services.AddScoped<AuditLog>();
        Services.AddScoped<CoopDirectoryService>();
        Services.AddScoped<DeadlineService>();
        Services.AddScoped<CoopTaskService>();
        Services.AddScoped<DashboardService>();
        Services.AddScoped<IncidentDesk.Web.Features.Reports.Inbox.InboxSummaryReader>();
        Services.AddScoped<IncidentDesk.Web.Features.Exposure.ExposureQueryService>();
        var officer = new CurrentUser();
        officer.Set(new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, "officer"), new Claim(ClaimTypes.Name, "officer@federacao.example"),
             new Claim(ClaimTypes.Role, AppRoles.PrivacyOfficer)], "test")));
        Services.AddScoped(_ => officer);
    }

    [Fact]
    public void With_no_open_incident_the_officer_gets_a_calm_message_instead_of_empty_charts()
    {
        var cut = RenderWithMud<DashboardPage>();

        cut.WaitForAssertion(() => Assert.Contains("Nenhum incidente em aberto", cut.Find("[data-testid=dashboard-calm]").TextContent, StringComparison.Ordinal), Patience);
        Assert.Empty(cut.FindAll("[data-testid=breakdown]"));
        Assert.Empty(cut.FindAll("[data-testid=uf-tiles]"));
        Assert.Empty(cut.FindAll("svg.mud-chart-bar, .mud-chart"));
        Assert.Equal("340", cut.FindAll("[data-testid=stat-value]")[0].TextContent.Trim());
    }
}
