using System.Security.Cryptography;
using System.Text;
using IncidentDesk.Core.Incidents;
using IncidentDesk.Web.Features.Incidents.Intake;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IncidentDesk.EndToEndTests;

public sealed class EvidenceJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task Officer_is_told_a_disguised_file_was_refused_then_uploads_a_pdf_sees_its_sha256_and_downloads_the_same_bytes()
    {
        var incidentId = await browser.RegisterIncidentAsync(new IncidentDraft
        {
            Title = "Bucket de laudos exposto",
            Summary = "Relato de pesquisador: bucket público com laudos de exames.",
            ReportedAtLocal = DateTime.UtcNow.AddHours(-3).AddMinutes(-30),
            Severity = IncidentSeverity.High,
        });

        var page = await browser.NewOfficerPageAsync($"/incidents/{incidentId}");
        await page.GetByRole(AriaRole.Tab, new() { Name = "Evidências" }).ClickAsync();
        await Expect(page.GetByTestId("evidence-empty")).ToBeVisibleAsync();

        await page.GetByTestId("evidence-add").ClickAsync();
        await page.GetByTestId("evidence-title").FillAsync("Relatório dos pesquisadores");
        // Through the "Escolher arquivo" button and the browser's file chooser, as a person would.
        async Task<IFileChooser> ChooserAsync() => await page.RunAndWaitForFileChooserAsync(() => page.GetByTestId("evidence-choose").ClickAsync());
        async Task ChooseAsync(FilePayload file) => await (await ChooserAsync()).SetFilesAsync(file);

        // An executable renamed to .pdf: refused with a clear message, and the typed title is still there.
        await ChooseAsync(new FilePayload
        {
            Name = "relatorio.pdf", MimeType = "application/pdf", Buffer = [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00],
        });
        await Expect(page.GetByTestId("evidence-chosen")).ToContainTextAsync("relatorio.pdf");
        await page.GetByTestId("evidence-save").ClickAsync();
        await Expect(page.GetByTestId("evidence-file-error")).ToContainTextAsync("não corresponde à extensão");
        await Expect(page.GetByTestId("evidence-title")).ToHaveValueAsync("Relatório dos pesquisadores");

        // Over 25 MB: said at once, before anything is sent.
        // (a file on disk: handing the browser 26 MB inline would take Playwright most of a minute)
        var dump = Path.Combine(BrowserFixture.ScreenshotFolder, $"dump-{Guid.NewGuid():N}.pdf");
        await using (var big = File.Create(dump))
        {
            big.SetLength(26 * 1024 * 1024);
        }

        await (await ChooserAsync()).SetFilesAsync(dump);
        await Expect(page.GetByTestId("evidence-file-error")).ToContainTextAsync("maior que 25 MB");
        File.Delete(dump);

        // A few megabytes, so the upload really streams over the circuit in many chunks.
        var pdf = new byte[3 * 1024 * 1024 + 17];
        Random.Shared.NextBytes(pdf);
        Encoding.ASCII.GetBytes("%PDF-1.4\n% evidencia e2e\n").CopyTo(pdf, 0);
        var sha = Convert.ToHexStringLower(SHA256.HashData(pdf));
        await ChooseAsync(new FilePayload { Name = "relatorio-pesquisadores.pdf", MimeType = "application/pdf", Buffer = pdf });
        await Expect(page.GetByTestId("evidence-file-error")).ToHaveCountAsync(0);

        // A missing title is refused before the file is read; fixing it keeps the chosen file.
        await page.GetByTestId("evidence-title").FillAsync("");
        await page.GetByTestId("evidence-save").ClickAsync();
        await Expect(page.GetByTestId("evidence-dialog")).ToContainTextAsync("Campo obrigatório.");
        // The reason is tied to the field: a screen reader says it with the field, not only "invalid".
        await Expect(page.GetByTestId("evidence-title")).ToHaveAccessibleDescriptionAsync(new System.Text.RegularExpressions.Regex("Campo obrigatório"));
        await Expect(page.GetByTestId("evidence-title")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.GetByTestId("evidence-chosen")).ToContainTextAsync("relatorio-pesquisadores.pdf");
        await page.GetByTestId("evidence-title").FillAsync("Relatório dos pesquisadores");
        await page.GetByTestId("evidence-shared").ClickAsync();
        await page.ScreenshotAsync("50-evidence-dialog");
        await page.GetByTestId("evidence-save").ClickAsync();

        var list = page.GetByTestId("evidence-list");
        await Expect(list.GetByTestId("evidence-sha256")).ToHaveTextAsync(sha);
        await Expect(list).ToContainTextAsync("relatorio-pesquisadores.pdf");
        await Expect(list).ToContainTextAsync("3\u00A0MB");
        await Expect(list).ToContainTextAsync("Compartilhada");
        await page.ScreenshotAsync("51-evidence-list");

        var download = await page.RunAndWaitForDownloadAsync(() => list.GetByTestId("evidence-download").ClickAsync());
        Assert.Equal("relatorio-pesquisadores.pdf", download.SuggestedFilename);
        var saved = Path.Combine(BrowserFixture.ScreenshotFolder, $"download-{Guid.NewGuid():N}.pdf");
        await download.SaveAsAsync(saved);
        Assert.Equal(pdf, await File.ReadAllBytesAsync(saved, TestContext.Current.CancellationToken));
        File.Delete(saved);
    }
}
