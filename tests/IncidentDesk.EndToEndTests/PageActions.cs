using IncidentDesk.Testing;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace IncidentDesk.EndToEndTests;

/// <summary>What a person does on every visit, written once.</summary>
internal static class PageActions
{
    /// <summary>Waits until Blazor's circuit is live: clicks on the prerendered page would be lost.</summary>
    public static Task WaitUntilInteractiveAsync(this IPage page) =>
        page.Locator("[data-testid=app-interactive]").WaitForAsync(new() { State = WaitForSelectorState.Attached });

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

    /// <summary>
    /// Waits for the page to reach a URL; if it never does, keeps a screenshot of what the person was looking at (a
    /// validation message, an error banner) beside the others before failing, so a red run explains itself.
    /// Blazor moves between pages with pushState, which fires no load event: the URL is polled (an assertion) rather
    /// than awaited as a navigation, which could miss a change made before the wait began.
    /// </summary>
    public static async Task WaitForUrlOrCaptureAsync(this IPage page, Regex url, string screenshotName)
    {
        try
        {
            await Assertions.Expect(page).ToHaveURLAsync(url, new() { Timeout = 30_000 });
        }
        catch (PlaywrightException)
        {
            await page.ScreenshotAsync(screenshotName);
            throw;
        }
    }

    public static Task ScreenshotAsync(this IPage page, string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, $"{name}.png"), FullPage = true });

    /// <summary>
    /// Types into an autocomplete like a person (key by key) and picks the matching option. Under load the
    /// first search can race the debounce, so the typing is repeated once the list fails to show the option.
    /// </summary>
    public static async Task PickAsync(this IPage page, ILocator input, string text, Regex option)
    {
        var choice = page.GetByRole(AriaRole.Option, new() { NameRegex = option });
        for (var attempt = 1; ; attempt++)
        {
            await input.ClickAsync();
            await input.FillAsync("");
            await input.PressSequentiallyAsync(text);
            try
            {
                await choice.First.WaitForAsync(new() { Timeout = 5_000 });
                break;
            }
            catch (TimeoutException) when (attempt < 3)
            {
                // The list did not show the option yet: type again.
            }
        }

        await choice.First.ClickAsync();
    }
}
