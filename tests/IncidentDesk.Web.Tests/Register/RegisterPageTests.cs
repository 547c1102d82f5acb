using System.Security.Claims;
using IncidentDesk.Data;
using IncidentDesk.Data.Seeding;
using IncidentDesk.Web.Features.Audit;
using IncidentDesk.Web.Features.Compliance;
using IncidentDesk.Web.Features.Register;
using IncidentDesk.Web.Security;
using IncidentDesk.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using IncidentDesk.Testing;

namespace IncidentDesk.Web.Tests.Register;

/// <summary>The register page over a real (seeded) database: filters read from the URL, and the CSV link carries them.</summary>
public sealed class RegisterPageTests : MudComponentTestBase, IClassFixture<SeededDirectoryDatabase>
{
    private readonly SeededDirectoryDatabase _database;

    public RegisterPageTests(SeededDirectoryDatabase database)
    {
        _database = database;
        AddDeskDatabase(database.Configure);
        // Two months after the reference incident's knowledge (6 Apr 2026): every unfiled communication is overdue.
        Services.AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero)));
        Services.AddScoped<AuditLog>();
        Services.AddSingleton<BusinessCalendarProvider>();
        Services.AddScoped<RegisterService>();
        var user = new CurrentUser();
        user.Set(new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, "auditor"), new Claim(ClaimTypes.Name, "auditor@federacao.example"), new Claim(ClaimTypes.Role, AppRoles.Auditor)], "test")));
        Services.AddScoped(_ => user);
    }

    [Fact]
    public async Task The_page_lists_the_controllers_of_the_filtered_state_and_the_csv_link_carries_the_filters()
    {
        await using (var db = _database.CreateContext())
        {
            if (!await db.Incidents.AnyAsync(Xunit.TestContext.Current.CancellationToken))
            {
                var coops = await db.Coops.Where(c => ReferenceIncidentSeed.AffectedCoopCodes.Contains(c.Code)).ToListAsync(Xunit.TestContext.Current.CancellationToken);
                db.Incidents.Add(ReferenceIncidentSeed.Build(coops, DateTime.UtcNow));
                await db.SaveArrangedAsync(Xunit.TestContext.Current.CancellationToken);
            }
        }

        int incidentId;
        await using (var db = _database.CreateContext())
        {
            incidentId = await db.Incidents.Select(i => i.Id).FirstAsync(Xunit.TestContext.Current.CancellationToken);
        }

        Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().NavigateTo($"register?incident={incidentId}&uf=SP&status=Late");

        var page = RenderWithMud<RegisterPage>();

        var csv = page.Find("[data-testid=register-csv]");
        Assert.Contains("register/csv?", csv.GetAttribute("href"), StringComparison.Ordinal);
        Assert.Contains("uf=SP", csv.GetAttribute("href"), StringComparison.Ordinal);
        Assert.Contains("status=Late", csv.GetAttribute("href"), StringComparison.Ordinal);
        var coop = Assert.Single(page.FindAll("[data-testid=register-coop-cell]"));
        Assert.StartsWith("SP-004", coop.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Contains("Não avaliado", page.Find("[data-testid=register-assessment]").TextContent, StringComparison.Ordinal);
    }
}
