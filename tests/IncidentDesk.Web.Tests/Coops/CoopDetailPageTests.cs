using System.Globalization;
using System.Security.Claims;
using IncidentDesk.Core.Campaigns;
using IncidentDesk.Core.Coops;
using IncidentDesk.Core.Incidents;
using IncidentDesk.Data;
using IncidentDesk.Web.Features.Audit;
using IncidentDesk.Web.Features.Compliance;
using IncidentDesk.Web.Features.Coops;
using IncidentDesk.Web.Security;
using IncidentDesk.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using IncidentDesk.Testing;

namespace IncidentDesk.Web.Tests.Coops;

/// <summary>The co-op detail page over the real <see cref="CoopProfileService"/> and a seeded SQLite directory.</summary>
public sealed class CoopDetailPageTests : MudComponentTestBase, IClassFixture<SeededDirectoryDatabase>
{
    private static readonly TimeSpan Patience = Waits.Patience;
    private readonly SeededDirectoryDatabase _database;

    public CoopDetailPageTests(SeededDirectoryDatabase database)
    {
        _database = database;
        AddDeskDatabase(database.Configure);
        Services.AddSingleton(TimeProvider.System);
        Services.AddScoped<AuditLog>();
        Services.AddScoped<CoopProfileService>();
        Services.AddExposureWatchForComponents();
        Services.AddSingleton<BusinessCalendarProvider>();
        Services.AddScoped<ICommunicationFilings, RecordedCommunicationFilings>();
        Services.AddScoped<DeadlineService>();
        var officer = new CurrentUser();
        officer.Set(new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, "viewer"), new Claim(ClaimTypes.Name, "viewer@federacao.example"),
             new Claim(ClaimTypes.Role, AppRoles.PrivacyOfficer)], "test")));
        Services.AddScoped(_ => officer);
    }

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task Shows_the_encarregado_with_links_and_marks_the_overdue_task()
    {
        await using var db = _database.CreateContext();
        var coop = await db.Coops.AsNoTracking().SingleAsync(c => c.Code == "BA-003", Ct);
        var now = DateTime.UtcNow;
        var incident = new Incident { Reference = "INC-2026-0900", Title = "Vazamento de teste", Summary = "Teste", Status = IncidentStatus.Investigating,
            ReportedAtUtc = now, KnowledgeAtUtc = now, CreatedAtUtc = now, UpdatedAtUtc = now };
        db.Incidents.Add(incident);
        await db.SaveArrangedAsync(Ct);
        var campaign = new Campaign { IncidentId = incident.Id, Title = "Contenção", LaunchedAtUtc = now, LaunchedBy = "teste" };
        campaign.Tasks.Add(new CampaignTask { Order = 1, Title = "Trocar senhas dos usuários", DueAtUtc = now.AddDays(-1) });
        campaign.Tasks.Add(new CampaignTask { Order = 2, Title = "Revisar permissões", DueAtUtc = now.AddDays(3) });
        db.Campaigns.Add(campaign);
        await db.SaveArrangedAsync(Ct);
        db.CoopTasks.AddRange(campaign.Tasks.Select(t => new CoopTask
            { CampaignTaskId = t.Id, CampaignId = campaign.Id, CoopId = coop.Id, Status = CoopTaskStatus.Open, UpdatedAtUtc = now }));
        await db.SaveArrangedAsync(Ct);

        var cut = RenderWithMud<CoopDetailPage>(p => p.Add(c => c.Id, coop.Id));

        cut.WaitForAssertion(() => Assert.Equal(coop.EncarregadoName, cut.Find("[data-testid=coop-encarregado-name]").TextContent.Trim()), Patience);
        Assert.Equal($"mailto:{coop.EncarregadoEmail}", cut.Find("[data-testid=coop-encarregado-email]").GetAttribute("href"));
        Assert.StartsWith("tel:+55", cut.Find("[data-testid=coop-encarregado-phone]").GetAttribute("href"), StringComparison.Ordinal);
        Assert.Equal(Cnpj.Format(coop.Cnpj), cut.Find("[data-testid=coop-cnpj]").TextContent.Trim());
        Assert.Equal("1 atrasada(s)", cut.Find("[data-testid=coop-overdue-count]").TextContent.Trim());
        var rows = cut.FindAll("[data-testid=coop-tasks] tbody tr");
        Assert.Equal(2, rows.Count);
        Assert.Contains("Trocar senhas dos usuários", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("Atrasada", rows[0].TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Atrasada", rows[1].TextContent, StringComparison.Ordinal);
        Assert.Contains(now.AddDays(-1).ToLocalBrasiliaDate(), rows[0].TextContent, StringComparison.Ordinal);
    }
}

internal static class DateText
{
    public static string ToLocalBrasiliaDate(this DateTime utc) =>
        IncidentDesk.Web.Components.BrasiliaTime.ToLocal(utc).ToString("d", CultureInfo.GetCultureInfo("pt-BR"));
}
