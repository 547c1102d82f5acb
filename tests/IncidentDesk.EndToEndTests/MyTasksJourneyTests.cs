using IncidentDesk.Core.Campaigns;
using IncidentDesk.Data;
using IncidentDesk.Data.Seeding;
using IncidentDesk.Testing;
using IncidentDesk.Web.Features.Campaigns;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace IncidentDesk.EndToEndTests;

public sealed class MyTasksJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_liaison_on_a_phone_answers_a_task_and_a_blocked_task_needs_its_reason()
    {
        var ct = TestContext.Current.CancellationToken;
        var title = $"Broker exposto — {Guid.NewGuid().ToString("N")[..6]}";
        await using (var scope = await browser.Host.ActingAsAsync(browser.Officer))
        {
            var db = scope.ServiceProvider.GetRequiredService<IncidentDeskDbContext>();
            var incidentId = await db.Incidents.Where(i => i.Reference == ReferenceIncidentSeed.Reference).Select(i => i.Id).SingleAsync(ct);
            var playbookId = await db.Playbooks.Where(p => p.Name == PlaybookSeed.ExposedBrokerName).Select(p => p.Id).SingleAsync(ct);
            var launched = await scope.ServiceProvider.GetRequiredService<CampaignService>()
                .LaunchAsync(new CampaignLaunch(incidentId, title, playbookId, null, CampaignAudience.InvolvedCoops,
                    // Other journeys on this shared host may have launched the playbook on the reference incident already.
                    AllowDuplicate: true, DuplicateReason: "Jornada do ponto focal com suas próprias tarefas"), ct);
            Assert.True(launched.Succeeded);
        }

        var liaison = await TestAccounts.CreateAsync(browser.Host, "CoopLiaison", "SP-004", twoFactor: false);
        var page = await browser.NewPageAsync(width: 390, height: 844);
        await page.SignInAsync(liaison, "/my-tasks");

        var cards = page.GetByTestId("task-card");
        await Expect(cards.First).ToBeVisibleAsync();
        await page.ScreenshotAsync("70-liaison-my-tasks-phone");

        var inventory = cards.Filter(new() { HasText = "Inventariar brokers" }).First;
        await inventory.GetByTestId("task-update").ClickAsync();
        await page.GetByTestId("task-status-select").ClickAsync();
        await page.GetByRole(Microsoft.Playwright.AriaRole.Option, new() { Name = "Concluída" }).ClickAsync();
        await page.GetByTestId("task-answer-input").FillAsync("Nenhum broker exposto; Kafka interno só na VPN.");
        await page.ScreenshotAsync("71-liaison-task-dialog-phone");
        await page.GetByTestId("task-save").ClickAsync();

        // A finished task leaves the to-do list; it is one switch away with its answer.
        await Expect(cards.Filter(new() { HasText = "Inventariar brokers" })).ToHaveCountAsync(0);
        await Expect(page.GetByText("Tarefa atualizada.")).ToBeVisibleAsync();
        await page.GetByTestId("show-finished").ClickAsync();
        await Expect(inventory.GetByTestId("task-status")).ToHaveTextAsync("Concluída");
        await Expect(inventory.GetByTestId("task-answer")).ToContainTextAsync("Nenhum broker exposto");

        var logs = cards.Filter(new() { HasText = "Preservar os logs" }).First;
        await logs.GetByTestId("task-update").ClickAsync();
        await page.GetByTestId("task-status-select").ClickAsync();
        await page.GetByRole(Microsoft.Playwright.AriaRole.Option, new() { Name = "Bloqueada" }).ClickAsync();
        await page.GetByTestId("task-save").ClickAsync();

        await Expect(page.GetByTestId("task-error")).ToHaveTextAsync("Informe o motivo do bloqueio.");
        await page.ScreenshotAsync("72-liaison-blocked-needs-reason");
        await page.GetByTestId("task-note").FillAsync("Aguardando o fornecedor do firewall liberar os logs.");
        await page.GetByTestId("task-save").ClickAsync();
        await Expect(logs.GetByTestId("task-status")).ToHaveTextAsync("Bloqueada");
    }
}
