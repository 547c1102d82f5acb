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
        page.SignInAsync(IncidentDeskHost.OfficerEmail, browser.Host.OfficerPassword, path);

    public static async Task SignInAsync(this IPage page, string email, string password, string path = "/")
    {
        await page.GotoAsync(path);
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Senha").FillAsync(password);
        await page.GetByTestId("sign-in").ClickAsync();
        await page.WaitUntilInteractiveAsync();
    }

    public static Task ScreenshotAsync(this IPage page, string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, $"{name}.png"), FullPage = true });
}
