using IncidentDesk.Core.Coops;
using IncidentDesk.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IncidentDesk.EndToEndTests;

public sealed class CoopDirectoryJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task Officer_signs_in_opens_coops_filters_by_uf_and_sees_only_that_states_coops()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/coops");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/login"));
        await page.ScreenshotAsync("01-sign-in");

        await page.GetByLabel("E-mail").FillAsync(browser.Officer.Email);
        await page.GetByLabel("Senha").FillAsync(browser.Officer.Password);
        await page.GetByTestId("sign-in").ClickAsync();
        await page.ScreenshotAsync("01b-two-factor");
        await page.GetByLabel("Código").FillAsync(Totp.Code(browser.Officer.AuthenticatorKey!));
        await page.GetByTestId("verify-code").ClickAsync();
        await page.WaitUntilInteractiveAsync();

        await Expect(page.GetByTestId("account-menu")).ToHaveTextAsync(IncidentDeskHost.OfficerName);
        await Expect(page.GetByTestId("coop-count")).ToHaveTextAsync("340 cooperativas");
        await page.ScreenshotAsync("02-coops-all");

        var expected = DemoDirectory.Build().Single(f => f.Uf == "AC").Coops;
        await page.GetByTestId("coop-uf-filter").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "AC — Acre" }).ClickAsync();

        await Expect(page.GetByTestId("coop-count")).ToHaveTextAsync($"{expected.Count} cooperativas");
        var rows = page.Locator("[data-testid=coop-grid] tbody tr.mud-table-row");
        await Expect(rows).ToHaveCountAsync(expected.Count);
        foreach (var coop in expected)
        {
            await Expect(page.Locator("[data-testid=coop-grid] tbody")).ToContainTextAsync(coop.Name);
        }

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("uf=AC"));
        await page.ScreenshotAsync("03-coops-filtered-ac");
    }
}
