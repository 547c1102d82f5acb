using IncidentDesk.Web.Features.Incidents.Involvement;
using IncidentDesk.Core.Incidents;
using IncidentDesk.Data;
using IncidentDesk.Data.Seeding;
using IncidentDesk.Testing;
using IncidentDesk.Web.Features.Incidents;
using IncidentDesk.Web.Features.Incidents.Intake;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IncidentDesk.EndToEndTests;

/// <summary>
/// The officer's question on day one of a breach: "by when must each co-op notify?" — answered on the incident's
/// Notifications tab, one clock per controller co-op, and explained by the business-day calendar.
/// </summary>
public sealed class DeadlinesJourneyTests(BrowserFixture browser)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Officer_sees_each_controller_coops_deadlines_on_the_reference_incidents_notifications_tab()
    {
        int incidentId;
        await using (var db = browser.Host.Services.GetRequiredService<FederationWideDb>().CreateDbContext())
        {
            incidentId = await db.Incidents.Where(i => i.Reference == ReferenceIncidentSeed.Reference).Select(i => i.Id).SingleAsync(Ct);
        }

        var page = await browser.NewOfficerPageAsync($"/incidents/{incidentId}");
        await page.GetByRole(AriaRole.Tab, new() { Name = "Notificações" }).ClickAsync();

        var rows = page.GetByTestId("deadline-row");
        await Expect(rows).ToHaveCountAsync(3);
        foreach (var code in ReferenceIncidentSeed.AffectedCoopCodes)
        {
            await Expect(page.Locator($"[data-coop='{code}']")).ToBeVisibleAsync();
        }

        var table = page.GetByTestId("deadlines");
        await Expect(table.GetByRole(AriaRole.Columnheader, new() { Name = "Comunicação à ANPD" })).ToBeVisibleAsync();
        await Expect(table.GetByRole(AriaRole.Columnheader, new() { Name = "Comunicação aos titulares" })).ToBeVisibleAsync();
        // Knowledge Mon 6 Apr 2026, 17:00 Brasília → ANPD and subjects due Thu 9 Apr; channel declaration Tue 14 Apr.
        await Expect(table.Locator("[data-kind=AnpdCommunication] [data-testid=deadline-working]")).ToHaveTextAsync(["09/04/2026", "09/04/2026", "09/04/2026"]);
        await Expect(table.Locator("[data-kind=ChannelDeclaration] [data-testid=deadline-working]").First).ToHaveTextAsync("14/04/2026");
        await Expect(table.Locator("[data-kind=AnpdCommunication] [data-testid=deadline-defensible]").First).ToContainTextAsync("Máximo defensável: 09/04/2026");
        await Expect(table.Locator("[data-urgency=Overdue]")).ToHaveCountAsync(9);
        await Expect(page.GetByTestId("complementary-pending")).ToContainTextAsync("Informações complementares");

        await page.ScreenshotAsync("70-incident-deadlines");

        // The rule behind the latest defensible date, with its article, on hover.
        await table.Locator("[data-kind=AnpdCommunication] [data-testid=deadline-defensible]").First.HoverAsync();
        await Expect(page.GetByTestId("deadline-rule")).ToContainTextAsync("Res. CD/ANPD nº 15/2024, art. 6º, caput e §1º");
        await page.ScreenshotAsync("70b-incident-deadlines-rule");
    }

    [Fact]
    public async Task A_fresh_incident_shows_live_countdowns_and_the_calendar_explains_the_days()
    {
        var incidentId = await browser.RegisterIncidentAsync(new IncidentFormModel
        {
            Title = "Bucket de laudos exposto (prazos)",
            Summary = "Relato de pesquisador: bucket público com laudos.",
            ReportedAtLocal = DateTime.UtcNow.AddHours(-3).AddMinutes(-10),
            Severity = IncidentSeverity.High,
        });
        await using (var scope = await browser.Host.ActingAsAsync(browser.Officer))
        {
            var involvements = scope.ServiceProvider.GetRequiredService<InvolvementService>();
            await using var db = scope.ServiceProvider.GetRequiredService<FederationWideDb>().CreateDbContext();
            var ids = await db.Coops.Where(c => c.Code == "BA-001" || c.Code == "PR-002").Select(c => c.Id).ToListAsync(Ct);
            Assert.True((await involvements.AddAsync(incidentId, ids, InvolvementRole.ControllerAffected, Ct)).Succeeded);
            // One co-op learned ten days earlier (from its operator): its own clock has already run out.
            var early = await db.CoopInvolvements.Include(v => v.Coop).SingleAsync(v => v.IncidentId == incidentId && v.Coop!.Code == "PR-002", Ct);
            Assert.True((await involvements.UpdateAsync(early.Id, InvolvementRole.ControllerAffected, DateTime.UtcNow.AddDays(-10),
                "Ciência pelo operador", null, Ct)).Succeeded);
        }

        var page = await browser.NewOfficerPageAsync($"/incidents/{incidentId}");
        await page.GetByRole(AriaRole.Tab, new() { Name = "Notificações" }).ClickAsync();

        await Expect(page.GetByTestId("deadline-row")).ToHaveCountAsync(2);
        await Expect(page.Locator("tr:has([data-coop='BA-001']) [data-testid=deadline-chip]").First).Not.ToHaveAttributeAsync("data-urgency", "Overdue");
        await Expect(page.Locator("tr:has([data-coop='PR-002']) [data-testid=deadline-chip]").First).ToHaveAttributeAsync("data-urgency", "Overdue");
        await page.ScreenshotAsync("71-incident-deadlines-live");

        await page.GotoAsync("/calendar");
        await page.WaitUntilInteractiveAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Calendário de dias úteis", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("holidays")).ToContainTextAsync("Dia Nacional de Zumbi e da Consciência Negra");
        await Expect(page.GetByTestId("holidays")).ToContainTextAsync("Ponto facultativo");
        await page.ScreenshotAsync("72-calendar");

        // An officer records a local holiday at the authority's seat, then takes it back.
        await page.GetByTestId("closure-add").ClickAsync();
        var inputs = page.GetByRole(AriaRole.Dialog).Locator("input");
        await inputs.Nth(0).FillAsync("15/12/2026");
        await inputs.Nth(0).PressAsync("Tab");
        await inputs.Nth(1).FillAsync("Feriado municipal na sede da autoridade <b>");
        await inputs.Nth(1).PressAsync("Tab");
        await page.ScreenshotAsync("73-calendar-closure-dialog");
        await page.GetByTestId("closure-save").ClickAsync();
        var closure = page.GetByTestId("closure-row").Filter(new() { HasText = "15/12/2026" });
        await Expect(closure).ToContainTextAsync("Feriado municipal na sede da autoridade <b>");
        await page.ScreenshotAsync("74-calendar-closure");
        await closure.GetByTestId("closure-remove").ClickAsync();
        await page.GetByTestId("confirm-yes").ClickAsync();
        await Expect(page.GetByTestId("closures-empty")).ToBeVisibleAsync();
    }
}
