using System.Text.RegularExpressions;
using IncidentDesk.Core.Incidents;
using IncidentDesk.Testing;
using IncidentDesk.Web.Features.Incidents.Intake;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IncidentDesk.EndToEndTests;

public sealed class CampaignJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task Officer_launches_the_playbook_to_one_uf_and_sees_a_liaisons_answer_arrive_in_the_matrix_without_reloading()
    {
        var title = $"Broker exposto em teste {Guid.NewGuid().ToString("N")[..6]}";
        var incidentId = await browser.RegisterIncidentAsync(new IncidentDraft
        {
            Title = title,
            Summary = "Broker Kafka sem autenticação encontrado por pesquisadores.",
            ReportedAtLocal = DateTime.UtcNow.AddHours(-3).AddMinutes(-20),
            Severity = IncidentSeverity.High,
        });

        var officer = await browser.NewOfficerPageAsync($"/incidents/{incidentId}");
        await officer.GetByRole(AriaRole.Tab, new() { Name = "Tarefas" }).ClickAsync();
        await Expect(officer.GetByTestId("campaigns-empty")).ToBeVisibleAsync();

        await officer.GetByTestId("campaign-launch").ClickAsync();
        var dialog = officer.GetByTestId("launch-dialog");
        await Expect(dialog.GetByText("Confirmar o uso do aplicativo/integração de chat afetado")).ToBeVisibleAsync();
        await officer.GetByTestId("launch-audience").ClickAsync();
        await officer.GetByRole(AriaRole.Option, new() { Name = "Cooperativas de uma UF" }).ClickAsync();
        await officer.GetByTestId("launch-uf").ClickAsync();
        await officer.GetByRole(AriaRole.Option, new() { Name = "AC", Exact = true }).ClickAsync();
        await officer.ScreenshotAsync("73-launch-campaign");
        await officer.GetByTestId("launch-confirm").ClickAsync();

        var row = officer.GetByTestId("campaign-row");
        await Expect(row).ToContainTextAsync("Broker de mensagens exposto");
        await Expect(row.GetByTestId("campaign-percent")).ToHaveTextAsync("0% concluído");
        var acre = officer.Locator("[data-testid=matrix-row][data-coop='AC-001']");
        await Expect(acre.GetByTestId("matrix-cell")).ToHaveCountAsync(8);
        await officer.ScreenshotAsync("74-incident-campaigns");

        var liaison = await TestAccounts.CreateAsync(browser.Host, "CoopLiaison", "AC-001", twoFactor: false);
        var phone = await browser.NewPageAsync(width: 390, height: 844);
        await phone.SignInAsync(liaison, $"/incidents/{incidentId}");
        await phone.GetByRole(AriaRole.Tab, new() { Name = "Tarefas" }).ClickAsync();
        await Expect(phone.GetByTestId("task-card")).ToHaveCountAsync(8);

        // The liaison answers on the phone; the officer's open matrix turns that cell Done by itself.
        await phone.GetByTestId("task-card").Filter(new() { HasText = "Inventariar brokers" }).GetByTestId("task-update").ClickAsync();
        await phone.GetByTestId("task-status-select").ClickAsync();
        await phone.GetByRole(AriaRole.Option, new() { Name = "Concluída" }).ClickAsync();
        await phone.GetByTestId("task-answer-input").FillAsync("Nenhum broker exposto.");
        await phone.GetByTestId("task-save").ClickAsync();

        await Expect(acre.Locator("[data-testid=matrix-cell][data-status=Done]")).ToHaveCountAsync(1);
        await officer.ScreenshotAsync("75-matrix-live-update");
        // A screen reader hears one polite summary rather than the cell: the matrix has one live region, and it says so.
        await Expect(officer.Locator("[data-testid=progress-matrix] [aria-live]")).ToHaveCountAsync(1);
        await Expect(officer.GetByTestId("matrix-live")).ToHaveTextAsync("1 nova resposta");

        // The cell says what it is to a screen reader and on hover (co-op, task, status), and opens the co-op's answer.
        var done = acre.Locator("[data-testid=matrix-cell][data-status=Done]");
        await Expect(done).ToHaveAccessibleNameAsync(new Regex("^AC-001 .*Inventariar brokers.* Concluída$"));
        await done.HoverAsync();
        await Expect(done).ToHaveAttributeAsync("title", new Regex("^AC-001 · .*Inventariar brokers.*: Concluída$"));
        await done.ClickAsync();
        await Expect(officer.GetByTestId("matrix-dialog-answer")).ToContainTextAsync("Nenhum broker exposto.");
        await officer.ScreenshotAsync("76-matrix-cell-dialog");
    }
}
