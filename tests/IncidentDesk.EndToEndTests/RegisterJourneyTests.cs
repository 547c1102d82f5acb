using IncidentDesk.Data;
using IncidentDesk.Data.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IncidentDesk.EndToEndTests;

/// <summary>
/// The five-year record the law asks every controller to keep (R15 art. 10), one row per incident × controller co-op:
/// the officer narrows it to one incident and one state and sees each co-op's assessment, deadline and filing state.
/// </summary>
public sealed class RegisterJourneyTests(BrowserFixture browser)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Officer_reads_the_register_of_the_reference_incident_and_narrows_it_to_one_state()
    {
        int incidentId;
        await using (var db = browser.Host.Services.GetRequiredService<FederationWideDb>().CreateDbContext())
        {
            incidentId = await db.Incidents.Where(i => i.Reference == ReferenceIncidentSeed.Reference).Select(i => i.Id).SingleAsync(Ct);
        }

        var page = await browser.NewOfficerPageAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Registro de incidentes" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/register$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Registro de incidentes" })).ToBeVisibleAsync();

        // One incident: its three controller co-ops, each with its own clock (past due, nothing filed yet).
        await page.GotoAsync($"/register?incident={incidentId}");
        var coops = page.GetByTestId("register-coop-cell");
        await Expect(coops).ToHaveCountAsync(3);
        foreach (var code in ReferenceIncidentSeed.AffectedCoopCodes)
        {
            await Expect(page.GetByTestId("register-table")).ToContainTextAsync(code);
        }

        await Expect(page.GetByTestId("register-table")).ToContainTextAsync("pendente — prazo vencido");
        await Expect(page.GetByTestId("register-table")).ToContainTextAsync("09/04/2026");
        await page.ScreenshotAsync("84-register-reference-incident");

        // Narrowed to Goiás: the filter is in the URL, so the view can be shared and the CSV exports exactly it.
        await page.GotoAsync($"/register?incident={incidentId}&uf=GO");
        await Expect(coops).ToHaveCountAsync(1);
        await Expect(coops).ToContainTextAsync("GO-001");
        await Expect(page.GetByTestId("register-csv")).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("uf=GO"));
    }
}
