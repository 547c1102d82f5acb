using System.Text.RegularExpressions;
using IncidentDesk.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IncidentDesk.EndToEndTests;

public sealed class AuditAndTokensJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task Auditor_reads_the_trail_opens_an_entry_and_verifies_the_chain()
    {
        var auditor = await TestAccounts.CreateAsync(browser.Host, "Auditor");
        var page = await browser.NewPageAsync();
        await page.SignInAsync(auditor, "/audit");

        var grid = page.GetByTestId("audit-grid");
        await Expect(grid).ToContainTextAsync("SignIn.Succeeded");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Administração" })).ToHaveCountAsync(0);

        await page.GetByTestId("audit-verify").ClickAsync();
        await Expect(page.GetByTestId("audit-verify-result")).ToContainTextAsync("íntegra");
        await page.ScreenshotAsync("30-audit-verified");
    }

    [Fact]
    public async Task Liaison_creates_an_api_token_sees_it_once_and_revokes_it()
    {
        var liaison = await TestAccounts.CreateAsync(browser.Host, "CoopLiaison", "CE-001", twoFactor: false);
        var page = await browser.NewPageAsync();
        await page.SignInAsync(liaison, "/account/tokens");

        await page.GetByTestId("token-new").ClickAsync();
        await page.GetByTestId("token-name").FillAsync("planilha da cooperativa");
        await page.GetByTestId("token-create").ClickAsync();
        var secret = page.GetByTestId("token-secret");
        await Expect(secret).ToHaveValueAsync(new Regex("^idk_"));
        var shownOnce = await secret.InputValueAsync();
        await page.ScreenshotAsync("31-token-created");
        await page.GetByTestId("token-done").ClickAsync();

        var table = page.GetByTestId("token-table");
        await Expect(table).ToContainTextAsync("planilha da cooperativa");
        Assert.DoesNotContain(shownOnce, await page.ContentAsync(), StringComparison.Ordinal);
        await page.GetByTestId("token-revoke").ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Revogar", Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("token-status")).ToHaveTextAsync("Revogado");
        await page.ScreenshotAsync("32-token-revoked");
    }
}
