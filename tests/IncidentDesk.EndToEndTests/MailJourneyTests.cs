using System.Text.RegularExpressions;
using IncidentDesk.Core.Campaigns;
using IncidentDesk.Data;
using IncidentDesk.Testing;
using IncidentDesk.Web.Features.Campaigns;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IncidentDesk.EndToEndTests;

/// <summary>
/// Onboarding by mail: an officer invites every co-op of a state from the directory, the invitations arrive at a real SMTP
/// server, and a liaison follows the link in the mail to an account and their tasks.
/// </summary>
public sealed class MailJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task An_officer_invites_a_states_coops_and_a_liaison_follows_the_link_in_the_mail_to_my_tasks()
    {
        var officer = await browser.NewOfficerPageAsync("/coops?uf=RR");
        await Expect(officer.GetByTestId("coop-count")).ToContainTextAsync("cooperativas");
        await officer.GetByTestId("coop-invite-liaisons").ClickAsync();
        var dialog = officer.GetByRole(AriaRole.Dialog);
        await Expect(dialog.GetByTestId("onboarding-selection")).ToContainTextAsync("UF RR");
        var newCount = dialog.GetByTestId("onboarding-count-New").GetByTestId("count");
        await Expect(newCount).ToHaveTextAsync(new Regex("^[1-9]"));
        var invited = int.Parse(await newCount.InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);
        await Expect(dialog.GetByTestId("onboarding-count-HasLiaison")).ToContainTextAsync("Já têm ponto focal");
        await officer.ScreenshotAsync("90-onboarding-preview");
        await dialog.GetByTestId("onboarding-confirm").ClickAsync();
        await Expect(officer.GetByText($"{invited} convite(s) criado(s)")).ToBeVisibleAsync();

        // The mails, as the co-ops' encarregados receive them.
        var received = await browser.Smtp.WaitForAsync(r => r.Count(m => m.To.EndsWith(".coopsaude.example", StringComparison.Ordinal)
            && m.To.StartsWith("encarregado@rr-", StringComparison.Ordinal)) >= invited);
        var mail = received.First(m => m.To.StartsWith("encarregado@rr-", StringComparison.Ordinal));
        Assert.Equal("Convite para o IncidentDesk da federação", mail.Message.Subject);
        var link = mail.Link(browser.Host.BaseAddress.AbsoluteUri + "account/invitation?token=");

        var liaison = await browser.NewPageAsync(width: 390, height: 844);
        await liaison.GotoAsync(link);
        await Expect(liaison.GetByTestId("invited-email")).ToHaveTextAsync(mail.To);
        var password = $"uma frase longa {Guid.NewGuid():N}";
        await liaison.GetByLabel("Nome completo").FillAsync("Raimunda Ponto Focal");
        await liaison.GetByLabel("Senha", new() { Exact = true }).FillAsync(password);
        await liaison.GetByLabel("Confirme a senha").FillAsync(password);
        await liaison.GetByTestId("accept-invitation").ClickAsync();

        await liaison.WaitForUrlOrCaptureAsync(new Regex("/my-tasks$"), "91-accept-failed");
        await liaison.WaitUntilInteractiveAsync();
        await Expect(liaison.GetByRole(AriaRole.Heading, new() { Name = "Minhas tarefas", Level = 1 })).ToBeVisibleAsync();
        await liaison.ScreenshotAsync("91-liaison-lands-on-my-tasks-phone");

        // The liaison chooses one digest a day.
        await liaison.GotoAsync("/account/mail");
        await liaison.WaitUntilInteractiveAsync();
        await liaison.GetByLabel("Resumo diário").CheckAsync();
        await liaison.GetByTestId("mail-preferences-save").ClickAsync();
        await Expect(liaison.GetByText("Preferências de e-mail salvas.")).ToBeVisibleAsync();
        await liaison.ScreenshotAsync("92-mail-preferences-phone");

        // The officer sees the invitations sent in the mail log.
        await officer.GotoAsync("/mail?kind=Invitation");
        await officer.WaitUntilInteractiveAsync();
        var row = officer.GetByTestId("mail-grid").GetByRole(AriaRole.Row).Filter(new() { HasText = mail.To });
        await Expect(row).ToContainTextAsync("Enviado");
        await Expect(row).ToContainTextAsync("250");
        await officer.ScreenshotAsync("93-mail-log");
    }

    [Fact]
    public async Task A_launch_repeated_by_mistake_waits_in_the_mail_log_until_an_officer_discards_its_notices()
    {
        var ct = TestContext.Current.CancellationToken;
        await TestAccounts.CreateAsync(browser.Host, "CoopLiaison", "TO-001", twoFactor: false, displayName: "Tereza Ponto Focal");
        int incidentId;
        await using (var db = await browser.Host.Services.GetRequiredService<FederationWideDb>().CreateDbContextAsync(ct))
        {
            incidentId = await db.Incidents.Where(i => i.Reference == "INC-2026-0001").Select(i => i.Id).SingleAsync(ct);
        }

        // The same campaign launched twice to Tocantins, minutes apart: the second launch's notices are held.
        var held = 0;
        await using (var scope = await browser.Host.ActingAsAsync(browser.Officer))
        {
            var campaigns = scope.ServiceProvider.GetRequiredService<CampaignService>();
            var launch = new CampaignLaunch(incidentId, "Revisar os acessos ao broker", null,
                [new("Listar quem acessou o broker", null, 2, false, TaskAnswerType.Text)], CampaignAudience.Uf, "TO");
            Assert.True((await campaigns.LaunchAsync(launch, ct)).Succeeded);
            // Confirmed as a deliberate repeat (the duplicate guard's reason), its notices are still held: co-ops were just told.
            var repeated = await campaigns.LaunchAsync(launch with { AllowDuplicate = true, DuplicateReason = "Reenvio deliberado" }, ct);
            held = repeated.Value.Mail.Held;
        }

        Assert.True(held >= 1);
        var officer = await browser.NewOfficerPageAsync("/mail?state=Held");
        var notice = officer.GetByTestId("mail-held-notice");
        await Expect(notice).ToContainTextAsync("retido(s)");
        await Expect(officer.GetByTestId("mail-state").First).ToHaveTextAsync("Retido");
        await officer.ScreenshotAsync("94-mail-log-held");

        await officer.GetByTestId("mail-discard-all").ClickAsync();
        var confirm = officer.GetByRole(AriaRole.Dialog);
        await Expect(confirm).ToContainTextAsync("Eles não serão enviados");
        await confirm.GetByTestId("confirm-yes").ClickAsync();

        await Expect(officer.GetByText(new Regex(@"aviso\(s\) descartado\(s\)"))).ToBeVisibleAsync();
        await Expect(notice).ToHaveCountAsync(0);
        await Expect(officer.GetByTestId("mail-empty")).ToBeVisibleAsync();
    }
}
