using IncidentDesk.Core.Incidents;
using IncidentDesk.Web.Features.Incidents.Intake;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IncidentDesk.EndToEndTests;

public sealed class FiguresAndCoopsJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task Officer_records_a_claimed_figure_brings_in_every_coop_of_a_uf_and_adds_a_fact_to_the_timeline()
    {
        var incidentId = await browser.RegisterIncidentAsync(new IncidentFormModel
        {
            Title = "Broker MQTT exposto na integração de telemetria",
            Summary = "Relato de pesquisador: broker MQTT sem autenticação.",
            ReportedAtLocal = DateTime.UtcNow.AddHours(-3).AddMinutes(-30),
            Severity = IncidentSeverity.High,
        });

        var page = await browser.NewOfficerPageAsync($"/incidents/{incidentId}");

        await page.GetByTestId("figure-add").ClickAsync();
        var dialog = page.GetByTestId("figure-dialog");
        await dialog.GetByLabel("Indicador").FillAsync("Mensagens interceptadas");
        await page.GetByTestId("figure-value").FillAsync("140000");
        await page.GetByTestId("figure-unit").FillAsync("mensagens");
        await page.GetByTestId("figure-source").FillAsync("Relatório dos pesquisadores");
        await dialog.GetByLabel("Situação").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Alegado" }).ClickAsync();
        await page.ScreenshotAsync("42-figure-dialog");
        await page.GetByTestId("figure-save").ClickAsync();
        var figures = page.GetByTestId("key-figures");
        await Expect(figures).ToContainTextAsync("140.000 mensagens");
        await Expect(figures).ToContainTextAsync("Alegado");

        await page.GetByRole(AriaRole.Tab, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Cooperativas") }).ClickAsync();
        await page.GetByTestId("involvement-add").ClickAsync();
        var add = page.GetByTestId("involvement-add-dialog");
        await add.GetByText("Por UF").ClickAsync();
        await page.GetByTestId("involvement-uf").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { NameRegex = new System.Text.RegularExpressions.Regex("^AC") }).ClickAsync();
        await page.ScreenshotAsync("43-add-coops");
        await page.GetByTestId("involvement-add-save").ClickAsync();

        await Expect(page.GetByTestId("involvements").Locator("tbody tr")).ToHaveCountAsync(4);
        await page.ScreenshotAsync("44-coops-added");

        await page.GetByRole(AriaRole.Tab, new() { Name = "Linha do tempo" }).ClickAsync();
        await page.GetByTestId("timeline-add").ClickAsync();
        await page.GetByTestId("event-title").FillAsync("Pesquisadores notificam a federação");
        await page.GetByTestId("event-precision").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Dia", Exact = true }).ClickAsync();
        await page.GetByTestId("event-source").FillAsync("E-mail dos pesquisadores");
        await page.ScreenshotAsync("45-manual-event");
        await page.GetByTestId("event-save").ClickAsync();
        await Expect(page.GetByTestId("timeline")).ToContainTextAsync("Pesquisadores notificam a federação");
        await Expect(page.GetByTestId("timeline")).ToContainTextAsync("Fonte: E-mail dos pesquisadores");
    }
}
