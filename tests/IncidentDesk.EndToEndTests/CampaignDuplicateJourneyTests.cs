using IncidentDesk.Core.Campaigns;
using IncidentDesk.Core.Incidents;
using IncidentDesk.Data;
using IncidentDesk.Data.Seeding;
using IncidentDesk.Testing;
using IncidentDesk.Web.Features.Campaigns;
using IncidentDesk.Web.Features.Incidents.Intake;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IncidentDesk.EndToEndTests;

public sealed class CampaignDuplicateJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task Officer_is_warned_before_repeating_an_active_playbook_gives_a_reason_and_then_cancels_the_mistaken_campaign()
    {
        var ct = TestContext.Current.CancellationToken;
        var incidentId = await browser.RegisterIncidentAsync(new IncidentFormModel
        {
            Title = $"Broker exposto, segunda onda {Guid.NewGuid().ToString("N")[..6]}",
            Summary = "Broker Kafka de novo sem autenticação depois da correção.",
            ReportedAtLocal = DateTime.UtcNow.AddHours(-3).AddMinutes(-20),
            Severity = IncidentSeverity.High,
        });
        await using (var scope = await browser.Host.ActingAsAsync(browser.Officer))
        {
            var db = scope.ServiceProvider.GetRequiredService<IncidentDeskDbContext>();
            var playbookId = await db.Playbooks.Where(p => p.Name == PlaybookSeed.ExposedBrokerName).Select(p => p.Id).SingleAsync(ct);
            Assert.True((await scope.ServiceProvider.GetRequiredService<CampaignService>().LaunchAsync(
                new CampaignLaunch(incidentId, "Contenção — primeira onda", playbookId, null, CampaignAudience.Uf, "AC"), ct)).Succeeded);
        }

        var officer = await browser.NewOfficerPageAsync($"/incidents/{incidentId}");
        await officer.GetByRole(AriaRole.Tab, new() { Name = "Tarefas" }).ClickAsync();
        await officer.GetByTestId("campaign-launch").ClickAsync();
        var dialog = officer.GetByTestId("launch-dialog");
        await officer.GetByTestId("launch-audience").ClickAsync();
        await officer.GetByRole(AriaRole.Option, new() { Name = "Cooperativas de uma UF" }).ClickAsync();
        await officer.GetByTestId("launch-uf").ClickAsync();
        // The open matrix has its own UF filter (a native select): pick from the dialog's list.
        await officer.GetByRole(AriaRole.Listbox).GetByRole(AriaRole.Option, new() { Name = "AC", Exact = true }).ClickAsync();

        // Before the button: what the launch creates, and the campaign it would repeat with its progress.
        await Expect(officer.GetByTestId("launch-summary-per-coop")).ToHaveTextAsync("8");
        await Expect(officer.GetByTestId("launch-duplicate")).ToContainTextAsync("“Contenção — primeira onda”, com 0 de");
        await Expect(officer.GetByTestId("launch-confirm")).ToBeDisabledAsync();
        await dialog.GetByText("Quero lançar uma segunda campanha mesmo assim").ClickAsync();
        await officer.GetByTestId("launch-duplicate-reason").FillAsync("O broker voltou a ficar exposto após a correção");
        await Expect(officer.GetByTestId("launch-confirm")).ToHaveTextAsync("Lançar segunda campanha");
        await officer.ScreenshotAsync("77-launch-duplicate-warning");
        await officer.GetByTestId("launch-confirm").ClickAsync();

        await Expect(officer.GetByTestId("campaign-row")).ToHaveCountAsync(2);
        await Expect(officer.GetByTestId("campaign-cancel")).ToBeVisibleAsync();

        // The second one was a mistake after all: cancel it with its reason.
        await officer.GetByTestId("campaign-cancel").ClickAsync();
        var cancel = officer.GetByTestId("cancel-campaign-dialog");
        await Expect(cancel).ToContainTextAsync("As respostas já dadas ficam como estão.");
        await officer.GetByTestId("cancel-confirm").ClickAsync();
        await Expect(cancel).ToContainTextAsync("Campo obrigatório.");
        await officer.GetByTestId("cancel-reason").FillAsync("Lançada em duplicidade por engano");
        await officer.ScreenshotAsync("78-cancel-campaign-dialog");
        await officer.GetByTestId("cancel-confirm").ClickAsync();

        await Expect(officer.GetByTestId("campaign-cancelled")).ToHaveCountAsync(1);
        await Expect(officer.GetByTestId("campaign-cancellation")).ToContainTextAsync("Motivo: Lançada em duplicidade por engano");
        await Expect(officer.GetByTestId("matrix-cell").First).ToHaveAttributeAsync("data-status", "Cancelled");
        await officer.ScreenshotAsync("79-campaign-cancelled");
    }
}
