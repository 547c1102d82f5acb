using IncidentDesk.Testing;
using Microsoft.Playwright;

namespace IncidentDesk.Benchmarks.Browser;

/// <summary>The machine's Chromium, driven as people use the desk: one context per person, signed in with password and TOTP.</summary>
internal static class DeskBrowser
{
    public static Task<IBrowser> LaunchAsync(IPlaywright playwright) => playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
    {
        ExecutablePath = IncidentDesk.Testing.TestServers.Chromium,
        Args = ["--no-sandbox"],
    });

    /// <summary>A fresh context (own cookies, so its own sign-in and circuit) with one page.</summary>
    public static async Task<IPage> NewPageAsync(IBrowser browser, FederationRun run, float timeoutMs = 30_000)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = run.Host.BaseAddress.ToString(),
            Locale = "pt-BR",
            ViewportSize = new ViewportSize { Width = 1440, Height = 900 },
        });
        context.SetDefaultTimeout(timeoutMs);
        return await context.NewPageAsync();
    }

    /// <summary>Opens <paramref name="path"/>, signs in on the way (password, then the authenticator code) and waits for the circuit.</summary>
    public static async Task SignInAsync(IPage page, TestAccount account, string path)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(account);
        await page.GotoAsync(path);
        await page.GetByLabel("E-mail").FillAsync(account.Email);
        await page.GetByLabel("Senha").FillAsync(account.Password);
        await page.GetByTestId("sign-in").ClickAsync();
        await page.GetByLabel("Código").FillAsync(Totp.Code(account.AuthenticatorKey!));
        await page.GetByTestId("verify-code").ClickAsync();
        await page.GetByTestId("app-interactive").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 120_000 });
    }

    /// <summary>From the incident page: the Tasks tab, until the matrix's first cells are painted.</summary>
    public static async Task OpenTasksTabAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        await TasksTab(page).ClickAsync();
        await MatrixCells(page).First.WaitForAsync(new() { State = WaitForSelectorState.Visible, Timeout = 120_000 });
    }

    public static ILocator TasksTab(IPage page) => page.GetByRole(AriaRole.Tab, new() { Name = "Tarefas" });

    public static ILocator MatrixCells(IPage page) => page.Locator("[data-testid=matrix-cell]");
}
