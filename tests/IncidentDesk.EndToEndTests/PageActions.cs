using IncidentDesk.Testing;
using Microsoft.Playwright;

namespace IncidentDesk.EndToEndTests;

/// <summary>What a person does on every visit, written once.</summary>
internal static class PageActions
{
    /// <summary>Waits until Blazor's circuit is live: clicks on the prerendered page would be lost.</summary>
    public static Task WaitUntilInteractiveAsync(this IPage page) =>
        page.Locator("[data-testid=app-interactive]").WaitForAsync(new() { State = WaitForSelectorState.Attached });

    public static Task SignInAsync(this IPage page, BrowserFixture browser, string path = "/") =>
        page.SignInAsync(browser.Officer, path);

    /// <summary>E-mail and password, then the authenticator code when the account has 2FA.</summary>
    public static async Task SignInAsync(this IPage page, TestAccount account, string path = "/")
    {
        await page.GotoAsync(path);
        await page.GetByLabel("E-mail").FillAsync(account.Email);
        await page.GetByLabel("Senha").FillAsync(account.Password);
        await page.GetByTestId("sign-in").ClickAsync();
        if (account.AuthenticatorKey is not null)
        {
            await page.GetByLabel("Código").FillAsync(Totp.Code(account.AuthenticatorKey));
            await page.GetByTestId("verify-code").ClickAsync();
        }

        await page.WaitUntilInteractiveAsync();
    }

    public static Task ScreenshotAsync(this IPage page, string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, $"{name}.png"), FullPage = true });
}
