using IncidentDesk.Web.Features.Campaigns.Tasks;
using System.Security.Claims;
using IncidentDesk.Core.Incidents;
using IncidentDesk.Data;
using IncidentDesk.Web.Features.Audit;
using IncidentDesk.Web.Features.Campaigns;
using IncidentDesk.Web.Features.Compliance;
using IncidentDesk.Web.Features.Coops;
using IncidentDesk.Web.Features.Dashboard;
using IncidentDesk.Web.Features.Live;
using IncidentDesk.Web.Security;
using IncidentDesk.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using IncidentDesk.Testing;

namespace IncidentDesk.Web.Tests.Dashboard;

/// <summary>An incident registered elsewhere reaches an open dashboard without a reload (its own database: it adds one).</summary>
public sealed class DashboardLiveTests : MudComponentTestBase, IClassFixture<SeededDirectoryDatabase>
{
    private static readonly TimeSpan Patience = Waits.Patience;
    private readonly SeededDirectoryDatabase _database;

    public DashboardLiveTests(SeededDirectoryDatabase database)
    {
        _database = database;
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
        var auditor = new CurrentUser();
        auditor.Set(new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, "auditor"), new Claim(ClaimTypes.Name, "auditor@federacao.example"),
             new Claim(ClaimTypes.Role, AppRoles.Auditor)], "test")));
        Services.AddScoped(_ => auditor);
    }

    [Fact]
    public async Task A_new_incident_replaces_the_calm_message_with_the_breakdown_live()
    {
        var cut = RenderWithMud<DashboardPage>();
        cut.WaitForElement("[data-testid=dashboard-calm]", Patience);

        await using var db = _database.CreateContext();
        var now = DateTime.UtcNow;
        var incident = new Incident { Reference = "INC-2026-0777", Title = "Planilha exposta", Summary = "Teste", Status = IncidentStatus.Triage,
            Severity = IncidentSeverity.High, ReportedAtUtc = now, KnowledgeAtUtc = now, CreatedAtUtc = now, UpdatedAtUtc = now };
        db.Incidents.Add(incident);
        await db.SaveArrangedAsync(Xunit.TestContext.Current.CancellationToken);
        await Services.GetRequiredService<IChangeFeed>().PublishAsync(
            new DeskChange(ChangeKind.Incident, incident.Id, null, incident.Id, "officer@federacao.example", now), Xunit.TestContext.Current.CancellationToken);

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=dashboard-calm]")), Patience);
        var triage = cut.FindAll("[data-testid=breakdown-table] tbody tr").Single(r => r.TextContent.Contains("Triagem", StringComparison.Ordinal));
        Assert.Contains("1", triage.TextContent, StringComparison.Ordinal);
    }
}
