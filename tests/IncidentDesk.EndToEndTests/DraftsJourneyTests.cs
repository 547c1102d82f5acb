using System.Text.RegularExpressions;
using IncidentDesk.Data;
using IncidentDesk.Data.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IncidentDesk.EndToEndTests;

/// <summary>
/// The officer drafts one affected co-op's ANPD communication from the reference incident's Notifications tab, reads
/// the preview and follows a missing item to the tab where it is filled.
/// </summary>
public sealed class DraftsJourneyTests(BrowserFixture browser)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Officer_previews_a_coops_anpd_communication_and_follows_a_missing_item()
    {
        int incidentId;
        await using (var db = browser.Host.Services.GetRequiredService<FederationWideDb>().CreateDbContext())
        {
            incidentId = await db.Incidents.Where(i => i.Reference == ReferenceIncidentSeed.Reference).Select(i => i.Id).SingleAsync(Ct);
        }

        var page = await browser.NewOfficerPageAsync($"/incidents/{incidentId}?tab=notifications");
        var drafts = page.GetByTestId("drafts");
        await Expect(drafts.GetByRole(AriaRole.Heading, new() { Name = "Minutas" })).ToBeVisibleAsync();

        await drafts.GetByTestId("draft-coop").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { NameRegex = new Regex("^MG-002") }).ClickAsync();

        var preview = page.GetByTestId("draft-preview");
        await Expect(preview.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Comunicação de incidente de segurança à Autoridade Nacional de Proteção de Dados");
        await Expect(preview).ToContainTextAsync("MG-002");
        await Expect(preview.GetByRole(AriaRole.Heading, new() { Name = "1. Identificação do controlador, do encarregado e do notificante" })).ToBeVisibleAsync();
        await Expect(preview).ToContainTextAsync("estimativa de 14.000.000 mensagens");
        await Expect(preview).ToContainTextAsync("número contestado");
        await Expect(drafts.GetByTestId("draft-download")).ToHaveAttributeAsync("href", new Regex($"incidents/{incidentId}/drafts/\\d+/AnpdComplete/md$"));
        await page.ScreenshotAsync("80-incident-draft-anpd");

        await page.Locator("[data-code=NoMeasuresRecorded] a").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("tab=timeline$"));
        await Expect(page.GetByRole(AriaRole.Tab, new() { Name = "Linha do tempo" })).ToHaveAttributeAsync("aria-selected", "true");
    }
}
