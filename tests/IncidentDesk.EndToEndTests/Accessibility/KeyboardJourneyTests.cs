using IncidentDesk.Web.Features.Incidents.Involvement;
using System.Text;
using System.Text.RegularExpressions;
using IncidentDesk.Core.Campaigns;
using IncidentDesk.Core.Incidents;
using IncidentDesk.Data;
using IncidentDesk.Data.Seeding;
using IncidentDesk.Testing;
using IncidentDesk.Web.Features.Campaigns;
using IncidentDesk.Web.Features.Incidents;
using IncidentDesk.Web.Features.Incidents.Intake;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IncidentDesk.EndToEndTests.Accessibility;

/// <summary>
/// The desk's two main journeys with the keyboard alone (<see cref="KeyboardActions"/>: Tab, Enter, Space, arrows,
/// Escape and typing; no click, no hover), as an officer or liaison who cannot use a mouse does them.
/// </summary>
[StartsFirst]
public sealed class KeyboardJourneyTests(BrowserFixture browser)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_liaison_signs_in_and_answers_a_task_with_a_note_and_evidence_using_only_the_keyboard()
    {
        var incidentId = await browser.RegisterIncidentAsync(new IncidentFormModel
        {
            Title = $"Broker exposto (teclado) {Guid.NewGuid().ToString("N")[..6]}",
            Summary = "Broker Kafka sem autenticação encontrado por pesquisadores.",
            ReportedAtLocal = DateTime.UtcNow.AddHours(-3).AddMinutes(-30),
            Severity = IncidentSeverity.High,
        });
        await LaunchToAsync(incidentId, "AM-001");
        var liaison = await TestAccounts.CreateAsync(browser.Host, "CoopLiaison", "AM-001", twoFactor: false, displayName: "Rita Teclado");

        var page = await browser.NewPageAsync(width: 390, height: 844);
        await page.GotoAsync("/my-tasks");
        // The sign-in form opens with focus in the e-mail field.
        await Expect(page.GetByLabel("E-mail")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync(liaison.Email);
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync(liaison.Password);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitUntilInteractiveAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/my-tasks$"));

        // A new page puts focus on its heading (a screen reader says where it is). Back at the top of the page, the first
        // stop is the skip link, shown once focused, which takes the next Tab past the app bar and the menu.
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeFocusedAsync();
        var skip = page.Locator("a.skip-link");
        await page.TabToAsync(skip, backwards: true);
        await Expect(skip).ToBeInViewportAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#main-content")).ToBeFocusedAsync();

        var card = page.GetByTestId("task-card").Filter(new() { HasText = "Preservar os logs" });
        await page.PressOnAsync(card.GetByTestId("task-update"));
        var dialog = page.GetByRole(AriaRole.Dialog, new() { NameRegex = new Regex("Preservar os logs") });
        await Expect(dialog).ToBeVisibleAsync();

        await page.ChooseAsync(dialog.GetByTestId("task-status-select"), new Regex("^Concluída$"));
        await page.TypeIntoAsync(dialog.GetByTestId("task-answer-input"), "Logs de 30 dias preservados no cofre, com hash.");
        await page.TypeIntoAsync(dialog.GetByTestId("task-note"), "Retenção estendida a pedido da federação.");
        // The file chooser opens from the keyboard like any button; choosing the file is the operating system's dialog.
        var chooser = await page.RunAndWaitForFileChooserAsync(() => page.PressOnAsync(dialog.GetByTestId("task-evidence-choose")));
        await chooser.SetFilesAsync(new FilePayload
        {
            Name = "hash-dos-logs.txt", MimeType = "text/plain", Buffer = Encoding.UTF8.GetBytes("sha256 dos logs preservados\n"),
        });
        await Expect(dialog.GetByTestId("task-evidence-item")).ToContainTextAsync("hash-dos-logs.txt");
        await page.ScreenshotAsync("a11y-keyboard-liaison-task-dialog");
        await page.PressOnAsync(dialog.GetByTestId("task-save"));

        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(page.GetByText("Tarefa atualizada.")).ToBeVisibleAsync();
        // The answered task left the to-do list: focus is on the next task's button, not lost on the document.
        var focused = page.Locator("[data-testid=task-update]:focus");
        await Expect(focused).ToHaveCountAsync(1);
        await Expect(focused).Not.ToHaveAccessibleNameAsync(new Regex("Preservar os logs"));
        await page.PressOnAsync(page.GetByTestId("show-finished"), " ");
        await Expect(card.GetByTestId("task-status")).ToHaveTextAsync("Concluída");
        await Expect(card.GetByTestId("task-answer")).ToContainTextAsync("Logs de 30 dias preservados");
        await Expect(card.GetByTestId("task-answer")).ToContainTextAsync("Retenção estendida");

        // What others change is heard once, as a polite summary, not card by card: the officer sends another campaign.
        await LaunchToAsync(incidentId, "AM-001", involve: false, duplicateReason: "Segunda rodada pedida ao ponto focal");
        await Expect(page.GetByTestId("my-tasks-live")).ToHaveTextAsync(new Regex(@"^\d+ novas tarefas para a sua cooperativa$"));
        await Expect(page.Locator("#main-content [aria-live]")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task An_officer_opens_an_incident_launches_a_campaign_reads_a_cell_and_approves_a_draft_using_only_the_keyboard()
    {
        var title = $"Bucket exposto (teclado) {Guid.NewGuid().ToString("N")[..6]}";
        var incidentId = await browser.RegisterIncidentAsync(new IncidentFormModel
        {
            Title = title,
            Summary = "Bucket público com exportações do chatbot encontrado por pesquisadores.",
            ReportedAtLocal = DateTime.UtcNow.AddHours(-3).AddMinutes(-45),
            Severity = IncidentSeverity.High,
        });
        await using (var scope = await browser.Host.ActingAsAsync(browser.Officer))
        {
            var db = scope.ServiceProvider.GetRequiredService<IncidentDeskDbContext>();
            var coop = await db.Coops.Where(c => c.Code == "TO-001").Select(c => c.Id).SingleAsync(Ct);
            var added = await scope.ServiceProvider.GetRequiredService<InvolvementService>()
                .AddAsync(incidentId, [coop], InvolvementRole.ControllerAffected, Ct);
            Assert.True(added.Succeeded);
        }

        var page = await browser.NewOfficerPageAsync("/incidents");
        await page.TypeIntoAsync(page.GetByTestId("incident-search"), title);
        await page.PressOnAsync(page.GetByRole(AriaRole.Link, new() { Name = title }));
        await Expect(page).ToHaveURLAsync(new Regex($"/incidents/{incidentId}$"));
        await page.WaitUntilInteractiveAsync();

        await page.PressOnAsync(page.GetByRole(AriaRole.Tab, new() { Name = "Tarefas" }));
        var launch = page.GetByTestId("campaign-launch");
        await page.PressOnAsync(launch);
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Lançar campanha" });
        await Expect(dialog).ToBeVisibleAsync();
        await page.ChooseAsync(page.GetByTestId("launch-audience"), new Regex("^Cooperativas envolvidas"));
        await page.PressOnAsync(page.GetByTestId("launch-confirm"));
        await Expect(dialog).ToHaveCountAsync(0);

        var cell = page.Locator("[data-testid=matrix-row][data-coop='TO-001'] [data-testid=matrix-cell]").First;
        await Expect(cell).ToBeVisibleAsync();
        await page.PressOnAsync(cell);
        var cellDialog = page.GetByRole(AriaRole.Dialog, new() { NameRegex = new Regex("TO-001 · CoopSaúde") });
        await Expect(cellDialog).ToBeVisibleAsync();
        await page.ScreenshotAsync("a11y-keyboard-officer-matrix-cell");
        await page.Keyboard.PressAsync("Escape");
        await Expect(cellDialog).ToHaveCountAsync(0);
        await Expect(cell).ToBeFocusedAsync();

        await page.PressOnAsync(page.GetByRole(AriaRole.Tab, new() { Name = "Notificações" }), "Enter");
        var drafts = page.GetByTestId("drafts");
        await page.ChooseAsync(drafts.GetByTestId("draft-coop"), new Regex("^TO-001"));
        await Expect(page.GetByTestId("draft-preview")).ToContainTextAsync("TO-001");
        await page.PressOnAsync(drafts.GetByTestId("version-generate"));
        var approve = page.GetByTestId("version-panel").GetByTestId("approve-panel");
        await Expect(approve.GetByTestId("approve-blocked")).ToBeVisibleAsync();
        await page.PressOnAsync(approve.GetByRole(AriaRole.Checkbox, new() { Name = "Aprovar como comunicação preliminar" }), " ");
        await page.PressOnAsync(approve.Locator("button[data-testid=approve]"));
        await Expect(page.GetByTestId("version-panel").GetByTestId("version-approval")).ToContainTextAsync("A complementar");
        await page.ScreenshotAsync("a11y-keyboard-officer-draft-approved");
    }

    /// <summary>The exposed-broker playbook sent to one co-op (involved first) as the officer would launch it.</summary>
    private async Task LaunchToAsync(int incidentId, string coopCode, bool involve = true, string? duplicateReason = null)
    {
        await using var scope = await browser.Host.ActingAsAsync(browser.Officer);
        var db = scope.ServiceProvider.GetRequiredService<IncidentDeskDbContext>();
        var coop = await db.Coops.Where(c => c.Code == coopCode).Select(c => c.Id).SingleAsync(Ct);
        if (involve)
        {
            Assert.True((await scope.ServiceProvider.GetRequiredService<InvolvementService>()
                .AddAsync(incidentId, [coop], InvolvementRole.ControllerAffected, Ct)).Succeeded);
        }

        var playbookId = await db.Playbooks.Where(p => p.Name == PlaybookSeed.ExposedBrokerName).Select(p => p.Id).SingleAsync(Ct);
        var launched = await scope.ServiceProvider.GetRequiredService<CampaignService>()
            .LaunchAsync(new CampaignLaunch(incidentId, "Contenção do broker", playbookId, null, CampaignAudience.InvolvedCoops,
                AllowDuplicate: duplicateReason is not null, DuplicateReason: duplicateReason), Ct);
        Assert.True(launched.Succeeded);
    }
}
