using System.Text.RegularExpressions;
using IncidentDesk.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IncidentDesk.EndToEndTests;

public sealed class InvitationJourneyTests(BrowserFixture browser)
{
    private const string LiaisonName = "Renata Ponto Focal";

    [Fact]
    public async Task Officer_invites_a_liaison_who_accepts_in_another_browser_and_sees_only_their_coop()
    {
        var email = $"renata.{Guid.NewGuid().ToString("N")[..6]}@coopsaude-rj.example";
        var password = $"uma frase longa {Guid.NewGuid():N}";

        var officer = await browser.NewOfficerPageAsync("/admin");
        await Expect(officer.GetByRole(AriaRole.Heading, new() { Name = "Administração", Level = 1 })).ToBeVisibleAsync();
        await Expect(officer.GetByTestId("user-grid")).ToContainTextAsync(IncidentDeskHost.OfficerName);

        await officer.GetByRole(AriaRole.Tab, new() { Name = "Convites" }).ClickAsync();
        await officer.GetByTestId("invite-person").ClickAsync();
        var dialog = officer.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("E-mail").FillAsync(email);
        await Expect(dialog.GetByTestId("invite-role")).ToContainTextAsync("Ponto focal da cooperativa");
        await officer.PickAsync(dialog.GetByLabel("Cooperativa"), "RJ-001", new Regex("^RJ-001 — "));
        await ShotAsync(officer, "21a-invite-form");
        await dialog.GetByTestId("invite-create").ClickAsync();

        var linkField = dialog.GetByLabel("Link do convite");
        await Expect(linkField).ToHaveValueAsync(new Regex("/account/invitation\\?token="));
        var link = await linkField.InputValueAsync();
        Assert.StartsWith(new Uri(browser.Host.BaseAddress, "account/invitation?token=").ToString(), link, StringComparison.Ordinal);
        await Expect(dialog).ToContainTextAsync("72 horas");
        await ShotAsync(officer, "21-invite-link");
        await dialog.GetByTestId("invite-done").ClickAsync();
        await Expect(officer.GetByTestId("invitation-grid")).ToContainTextAsync(email);
        await Expect(officer.GetByTestId("invitation-grid").GetByRole(AriaRole.Row).Filter(new() { HasText = email })).ToContainTextAsync("Pendente");
        await ShotAsync(officer, "21b-invitations");

        // A second browser context: nothing of the officer's session is shared.
        var liaison = await browser.NewPageAsync();
        await liaison.GotoAsync(link);
        await Expect(liaison.GetByTestId("invitation-summary")).ToContainTextAsync("Ponto focal da cooperativa");
        await Expect(liaison.GetByTestId("invitation-summary")).ToContainTextAsync("RJ-001 — CoopSaúde");
        await Expect(liaison.GetByTestId("invited-email")).ToHaveTextAsync(email);
        await liaison.GetByLabel("Nome completo").FillAsync(LiaisonName);
        await liaison.GetByLabel("Senha", new() { Exact = true }).FillAsync(password);
        await liaison.GetByLabel("Confirme a senha").FillAsync(password);
        await ShotAsync(liaison, "22-accept-invitation");
        await liaison.GetByTestId("accept-invitation").ClickAsync();

        await liaison.WaitUntilInteractiveAsync();
        await Expect(liaison.GetByTestId("account-menu")).ToHaveTextAsync(LiaisonName);
        await liaison.GetByRole(AriaRole.Link, new() { Name = "Cooperativas" }).ClickAsync();
        await Expect(liaison.GetByTestId("coop-count")).ToHaveTextAsync("1 cooperativa");
        var rows = liaison.Locator("[data-testid=coop-grid] tbody tr.mud-table-row");
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows.First).ToContainTextAsync("RJ-001");

        // The invited person now shows up for the officer, bound to the co-op of the invitation.
        await officer.GetByRole(AriaRole.Tab, new() { Name = "Usuários" }).ClickAsync();
        var newcomer = officer.GetByTestId("user-grid").GetByRole(AriaRole.Row).Filter(new() { HasText = email });
        await Expect(newcomer).ToContainTextAsync("RJ-001");
        await Expect(newcomer).ToContainTextAsync("Ponto focal da cooperativa");
        await ShotAsync(officer, "20-admin-users");

        var phone = await browser.NewPageAsync(width: 390, height: 844);
        await phone.SignInAsync(new TestAccount(email, password, "CoopLiaison", null, null), "/coops");
        await Expect(phone.GetByTestId("coop-count")).ToHaveTextAsync("1 cooperativa");
        await Expect(phone.Locator("[data-testid=coop-grid] tbody tr.mud-table-row")).ToHaveCountAsync(1);
        await ShotAsync(phone, "23-liaison-coops-phone");
    }

    [Fact]
    public async Task Officer_moves_a_liaison_to_another_coop_and_then_deactivates_them()
    {
        var liaison = await TestAccounts.CreateAsync(browser.Host, "CoopLiaison", "MG-002", twoFactor: false,
            email: $"joao.{Guid.NewGuid().ToString("N")[..6]}@coopsaude-mg.example");
        var officer = await browser.NewOfficerPageAsync("/admin");
        var row = officer.GetByTestId("user-grid").GetByRole(AriaRole.Row).Filter(new() { HasText = liaison.Email });
        await Expect(row).ToContainTextAsync("MG-002");

        await row.GetByTestId("change-coop").ClickAsync();
        var dialog = officer.GetByRole(AriaRole.Dialog);
        await officer.PickAsync(dialog.GetByLabel("Cooperativa"), "GO-001", new Regex("^GO-001 — "));
        await ShotAsync(officer, "24-change-coop");
        await dialog.GetByTestId("change-coop-save").ClickAsync();
        await Expect(row).ToContainTextAsync("GO-001");

        await row.GetByTestId("deactivate-user").ClickAsync();
        await Expect(officer.GetByTestId("confirm-dialog")).ToContainTextAsync(liaison.Email);
        await ShotAsync(officer, "25-deactivate-confirm");
        await officer.GetByTestId("confirm-yes").ClickAsync();

        await Expect(row).ToContainTextAsync("Desativado");
        await Expect(row.GetByTestId("deactivate-user")).ToHaveCountAsync(0);
        await ShotAsync(officer, "26-admin-after-deactivation");
    }

    // Animations finished: a tab slider or ripple caught mid-way looks broken in a screenshot.
    private static async Task ShotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new()
        {
            Path = Path.Combine(BrowserFixture.ScreenshotFolder, $"{name}.png"),
            FullPage = true,
            Animations = ScreenshotAnimations.Disabled,
        });
}
