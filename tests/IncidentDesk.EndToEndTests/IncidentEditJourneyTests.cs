using IncidentDesk.Core.Incidents;
using IncidentDesk.Web.Features.Incidents.Intake;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IncidentDesk.EndToEndTests;

public sealed class IncidentEditJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task Officer_corrects_an_incidents_title_and_severity_and_the_timeline_says_so()
    {
        var incidentId = await browser.RegisterIncidentAsync(new IncidentDraft
        {
            Title = "Planilha de beneficiarios em repositorio publico",
            Summary = "Relato de pesquisador: planilha com CPFs em repositório público.",
            ReporterName = "<script>alert(1)</script>",
            ReportedAtLocal = DateTime.UtcNow.AddHours(-3).AddMinutes(-30),
            Severity = IncidentSeverity.Medium,
        });

        var page = await browser.NewOfficerPageAsync($"/incidents/{incidentId}");
        await page.GetByTestId("incident-edit").ClickAsync();

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/incidents/{incidentId}/edit$"));
        var title = page.GetByLabel("Título");
        await Expect(title).ToHaveValueAsync("Planilha de beneficiarios em repositorio publico");
        await Expect(page.GetByLabel("Nome de quem relatou")).ToHaveValueAsync("<script>alert(1)</script>");

        // The same rules as intake: an empty title is refused in place.
        await title.FillAsync("");
        await page.GetByTestId("edit-save").ClickAsync();
        await Expect(page.GetByText("Campo obrigatório.").First).ToBeVisibleAsync();

        await title.FillAsync("Planilha de beneficiários em repositório público");
        await page.GetByTestId("intake-severity").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Alta" }).ClickAsync();
        await page.ScreenshotAsync("46-edit-incident");
        await page.GetByTestId("edit-save").ClickAsync();

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/incidents/{incidentId}$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Planilha de beneficiários em repositório público" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Tab, new() { Name = "Linha do tempo" }).ClickAsync();
        // Registration and correction are consecutive system events: the timeline folds them until asked.
        await page.GetByTestId("timeline-system-expand").First.ClickAsync();
        await Expect(page.GetByText("Dados do incidente alterados")).ToBeVisibleAsync();
        await Expect(page.GetByText("Campos alterados: Título, Gravidade.")).ToBeVisibleAsync();
    }
}
