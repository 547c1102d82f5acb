using System.Text.RegularExpressions;
using IncidentDesk.Data;
using IncidentDesk.Data.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IncidentDesk.EndToEndTests;

/// <summary>
/// The officer takes one co-op's ANPD communication from draft to an approved, downloadable version: the reference
/// incident is past its deadline, so the draft asks for the reasons for the delay; the officer follows that item to the
/// field on the same tab, writes them, saves a new version and approves it as preliminary (other items still miss).
/// The host is shared with other journeys: nothing here relies on version numbers.
/// </summary>
public sealed class DraftApprovalJourneyTests(BrowserFixture browser)
{
    private const string Reasons = "A cooperativa só confirmou o acesso indevido após a perícia externa concluída em 10/04/2026.";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Officer_writes_the_delay_reasons_saves_a_version_approves_it_as_preliminary_and_downloads_the_pdf()
    {
        int incidentId;
        await using (var db = browser.Host.Services.GetRequiredService<FederationWideDb>().CreateDbContext())
        {
            incidentId = await db.Incidents.Where(i => i.Reference == ReferenceIncidentSeed.Reference).Select(i => i.Id).SingleAsync(Ct);
        }

        var page = await browser.NewOfficerPageAsync($"/incidents/{incidentId}?tab=notifications");
        var drafts = page.GetByTestId("drafts");
        await drafts.GetByTestId("draft-coop").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { NameRegex = new Regex("^GO-001") }).ClickAsync();
        await Expect(page.GetByTestId("draft-preview")).ToContainTextAsync("GO-001");

        // Past the deadline with no reasons written: the missing item links to the field on this same tab.
        var delayItem = page.Locator("[data-testid=draft-missing] [data-code=DelayReasonsMissing]");
        await Expect(delayItem).ToContainTextAsync("Motivos do atraso na comunicação");
        await delayItem.GetByTestId("missing-link").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("tab=notifications#delay-reasons$"));
        var delay = page.GetByTestId("delay-reasons");
        await Expect(delay).ToBeInViewportAsync();
        await delay.GetByLabel("Motivos do atraso").FillAsync(Reasons);
        await delay.GetByTestId("delay-save").ClickAsync();
        await Expect(delay.GetByTestId("delay-saved")).ToBeVisibleAsync();
        await Expect(delayItem).ToHaveCountAsync(0);
        await page.ScreenshotAsync("81-draft-delay-reasons");

        await drafts.GetByTestId("version-generate").ClickAsync();
        var panel = page.GetByTestId("version-panel");
        await Expect(panel.GetByTestId("version-preview")).ToContainTextAsync(Reasons);
        var approve = panel.GetByTestId("approve-panel");
        // Other items (e.g. the subject count) still miss: approval waits for an explicit "as preliminary".
        await Expect(approve.GetByTestId("approve-blocked")).ToContainTextAsync("Aprovação bloqueada");
        await Expect(approve.Locator("button[data-testid=approve]")).ToBeDisabledAsync();
        await approve.GetByText("Aprovar como comunicação preliminar").ClickAsync();
        await approve.Locator("button[data-testid=approve]").ClickAsync();
        await Expect(panel.GetByTestId("version-approval")).ToContainTextAsync("A complementar");
        await Expect(panel.GetByTestId("filing-form")).ToBeVisibleAsync();
        var versionNumber = await panel.GetAttributeAsync("data-version");
        var row = page.Locator($"[data-testid=version-row][data-version='{versionNumber}']").Locator("xpath=ancestor::tr");
        await Expect(row.GetByTestId("version-approved")).ToContainTextAsync("Aprovada como preliminar");
        await page.ScreenshotAsync("82-draft-version-approved");

        // The PDF is what the co-op files or keeps: real text (extractable), the reasons and the "to be complemented" list in it.
        var download = await page.RunAndWaitForDownloadAsync(() => row.GetByTestId("version-download-pdf").ClickAsync());
        Assert.Equal($"INC-2026-0001_GO-001_AnpdComplete_v{versionNumber}.pdf", download.SuggestedFilename);
        using var pdf = UglyToad.PdfPig.PdfDocument.Open(await download.PathAsync());
        var text = Squeeze(string.Join(" ", pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text)));
        Assert.Contains(Squeeze(Reasons), text, StringComparison.Ordinal);
        Assert.Contains("Informações a complementar", text, StringComparison.Ordinal);
        Assert.Contains("GO-001", text, StringComparison.Ordinal);
    }

    /// <summary>Words joined by single spaces: the PDF wraps lines wherever the page width says.</summary>
    private static string Squeeze(string text) => Regex.Replace(text, @"\s+", " ").Trim();
}
