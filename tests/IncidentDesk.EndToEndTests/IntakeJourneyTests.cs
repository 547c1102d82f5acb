using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IncidentDesk.EndToEndTests;

public sealed partial class IntakeJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task Officer_registers_a_report_and_moves_it_to_triage()
    {
        var page = await browser.NewOfficerPageAsync("/incidents/new");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Registrar incidente", Level = 1 })).ToBeVisibleAsync();

        // Saving without the required fields keeps the page and says what is missing, in Portuguese.
        await page.GetByTestId("intake-save").ClickAsync();
        await Expect(page.GetByTestId("intake-errors")).ToBeVisibleAsync();
        await Expect(page.GetByText("Campo obrigatório.").First).ToBeVisibleAsync();

        await page.GetByLabel("Título").FillAsync("Vazamento de conversas do chatbot relatado pela imprensa");
        await page.GetByLabel("Resumo").FillAsync("Reportagem afirma que conversas de beneficiários ficaram expostas.");
        await page.GetByTestId("intake-category-Health").ClickAsync();
        await page.ScreenshotAsync("40-intake-form");
        await page.GetByTestId("intake-save").ClickAsync();

        await page.WaitForUrlOrCaptureAsync(DetailUrl(), "failed-intake-save");
        await Expect(page.GetByTestId("incident-status")).ToHaveTextAsync("Relatado");
        await Expect(page.GetByText(ReferencePattern()).First).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Vazamento de conversas do chatbot relatado pela imprensa" })).ToBeVisibleAsync();

        await page.GetByTestId("status-to-Triage").ClickAsync();
        await Expect(page.GetByTestId("incident-status")).ToHaveTextAsync("Triagem");
        await Expect(page.GetByTestId("status-to-Investigating")).ToBeVisibleAsync();
        await page.ScreenshotAsync("41-new-incident");

        // Dismissing needs a reason: the dialog does not close without one.
        await page.GetByTestId("status-to-Dismissed").ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByTestId("status-reason-confirm").ClickAsync();
        await Expect(dialog.GetByText("Informe uma justificativa para essa mudança de situação.")).ToBeVisibleAsync();
        await dialog.GetByLabel("Justificativa").FillAsync("Mesmo caso já registrado como INC-2026-0001.");
        await dialog.GetByTestId("status-reason-confirm").ClickAsync();
        await Expect(page.GetByTestId("incident-status")).ToHaveTextAsync("Descartado");
        await Expect(page.GetByTestId("status-actions")).ToHaveCountAsync(0);
    }

    [GeneratedRegex(@"/incidents/\d+$")]
    private static partial Regex DetailUrl();

    [GeneratedRegex(@"^INC-\d{4}-\d{4}$")]
    private static partial Regex ReferencePattern();
}
