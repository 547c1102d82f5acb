using System.Text.RegularExpressions;
using IncidentDesk.Core.Incidents;
using IncidentDesk.Web.Features.Incidents.Intake;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IncidentDesk.EndToEndTests;

public sealed partial class PlaybookJourneyTests(BrowserFixture browser)
{
    // MudBlazor puts a field's extra attributes on its input or on its wrapper, depending on the component.
    private static ILocator Input(ILocator scope, string testId) => scope.Locator($"input[data-testid={testId}], [data-testid={testId}] input, textarea[data-testid={testId}], [data-testid={testId}] textarea").First;

    [Fact]
    public async Task Officer_writes_a_two_step_playbook_and_launches_it_on_an_incident_as_a_two_column_matrix()
    {
        // Named after the seeded playbook in sort order: the launch dialog preselects the first one, and other journeys expect the seed.
        var name = $"Vazamento de planilha por e-mail {Guid.NewGuid().ToString("N")[..6]}";
        var page = await browser.NewOfficerPageAsync("/playbooks");
        await Expect(page.GetByTestId("playbook-row").Filter(new() { HasText = "Broker de mensagens exposto" })).ToBeVisibleAsync();
        await page.ScreenshotAsync("80-playbooks-list");

        await page.GetByTestId("playbook-new").ClickAsync();
        await Expect(page).ToHaveURLAsync(NewPage());
        await Input(page.Locator("body"), "playbook-name").FillAsync(name);
        await Input(page.Locator("body"), "playbook-description").FillAsync("Planilha com dados de beneficiários enviada a destinatário errado.");
        var first = page.GetByTestId("step-editor").Nth(0);
        await Input(first, "step-title").FillAsync("Confirmar se a planilha chegou à cooperativa");
        await Input(first, "step-instructions").FillAsync("Verifique as caixas de e-mail e informe se a mensagem foi recebida e por quem.");

        await page.GetByTestId("step-add").ClickAsync();
        var second = page.GetByTestId("step-editor").Nth(1);
        // The new step pushes the save button down: click it only once the step is on the page, or the click can land
        // where the button was (seen once on a loaded machine: the save never happened).
        await Expect(Input(second, "step-title")).ToBeVisibleAsync();

        // Saved too early: the empty step is marked and nothing typed so far is lost.
        await page.GetByTestId("playbook-save").ClickAsync();
        await Expect(second).ToContainTextAsync("Campo obrigatório.");
        await Expect(Input(first, "step-title")).ToHaveValueAsync("Confirmar se a planilha chegou à cooperativa");
        await TopScreenshotAsync(page, "81-playbook-editor-errors");

        await Input(second, "step-title").FillAsync("Apagar todas as cópias da planilha");
        await Input(second, "step-due").FillAsync("3");
        await second.GetByTestId("step-answer-type").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Resposta sim/não" }).ClickAsync();
        await second.GetByText("Exige evidência").ClickAsync();
        await TopScreenshotAsync(page, "82-playbook-editor");

        await page.GetByTestId("playbook-save").ClickAsync();
        await page.WaitForUrlOrCaptureAsync(ListPage(), "82-playbook-save-failed");
        var row = page.GetByTestId("playbook-row").Filter(new() { HasText = name });
        await Expect(row).ToBeVisibleAsync();
        await Expect(page.Locator("tr").Filter(new() { HasText = name }).GetByTestId("playbook-steps")).ToHaveTextAsync("2");

        var incidentId = await browser.RegisterIncidentAsync(new IncidentFormModel
        {
            Title = $"Planilha enviada por engano {Guid.NewGuid().ToString("N")[..6]}",
            Summary = "Planilha de beneficiários enviada por e-mail a um destinatário externo.",
            ReportedAtLocal = DateTime.UtcNow.AddHours(-3).AddMinutes(-30),
            Severity = IncidentSeverity.Medium,
        });
        await page.GotoAsync($"/incidents/{incidentId}");
        await page.WaitUntilInteractiveAsync();
        await page.GetByRole(AriaRole.Tab, new() { Name = "Tarefas" }).ClickAsync();
        await page.GetByTestId("campaign-launch").ClickAsync();
        var dialog = page.GetByTestId("launch-dialog");
        await dialog.GetByTestId("launch-playbook").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = name }).ClickAsync();
        await Expect(dialog.GetByText("Apagar todas as cópias da planilha")).ToBeVisibleAsync();
        await page.GetByTestId("launch-audience").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Cooperativas de uma UF" }).ClickAsync();
        await page.GetByTestId("launch-uf").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "AC", Exact = true }).ClickAsync();
        await page.GetByTestId("launch-confirm").ClickAsync();

        await Expect(page.GetByTestId("campaign-row")).ToContainTextAsync(name);
        var columns = page.GetByTestId("matrix-column");
        await Expect(columns).ToHaveCountAsync(2);
        await Expect(columns.Nth(0)).ToHaveAttributeAsync("title", "1. Confirmar se a planilha chegou à cooperativa");
        await Expect(columns.Nth(1)).ToHaveAttributeAsync("title", "2. Apagar todas as cópias da planilha");
        await page.ScreenshotAsync("83-playbook-campaign-matrix");
    }

    // A full-page capture taken while scrolled paints the fixed app bar mid-page: capture from the top.
    private static async Task TopScreenshotAsync(IPage page, string name)
    {
        await page.EvaluateAsync("window.scrollTo(0, 0)");
        await page.ScreenshotAsync(name);
    }

    [GeneratedRegex("/playbooks/new$")]
    private static partial Regex NewPage();

    [GeneratedRegex("/playbooks$")]
    private static partial Regex ListPage();
}
