using Microsoft.Playwright;

namespace IncidentDesk.EndToEndTests.Accessibility;

/// <summary>
/// The gate's instrument: a scan that found nothing must mean there was nothing to find. A page with planted faults — an
/// image without a text alternative, a button without a name — is reported, by the whole-page scan and by the scan of
/// one element, after a second scan in the same document (the script is put in once).
/// </summary>
public sealed class AxeScanTests(BrowserFixture browser)
{
    private const string Planted = """
        <!DOCTYPE html>
        <html lang="pt-BR"><head><title>Varredura</title></head>
        <body><main><h1>Página com falhas</h1><img src="foto.png">
        <div role="dialog" aria-label="Diálogo" id="dialogo"><button></button></div></main></body></html>
        """;

    [Fact]
    public async Task A_planted_missing_alternative_and_unnamed_button_are_found_by_page_and_element_scans()
    {
        var page = await browser.NewPageAsync();
        await page.SetContentAsync(Planted);

        var first = await AxeScan.PageAsync(page);
        var again = await AxeScan.PageAsync(page);
        var dialog = await AxeScan.ElementAsync(page.Locator("#dialogo"));

        Assert.Contains(first.Violations, v => v.Id == "image-alt");
        Assert.Contains(first.Violations, v => v.Id == "button-name");
        Assert.Equal(first.Violations.Select(v => v.Id).Order(), again.Violations.Select(v => v.Id).Order());
        Assert.Equal(["button-name"], dialog.Violations.Select(v => v.Id));
    }
}
