using IncidentDesk.Testing;
using IncidentDesk.Web.Security;
using Microsoft.Playwright;

namespace IncidentDesk.Benchmarks;

/// <summary>Drives the machine's Chromium as an officer would: sign in, open the incident, click the Tasks tab.</summary>
internal static class MatrixPage
{
    public static async Task<Figure> MeasureFirstRenderAsync(FederationRun run, string name, int runs)
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Args = ["--no-sandbox"],
        });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = run.Host.BaseAddress.ToString(),
            Locale = "pt-BR",
            ViewportSize = new ViewportSize { Width = 1440, Height = 900 },
        });
        var page = await context.NewPageAsync();
        var officer = await TestAccounts.CreateAsync(run.Host, AppRoles.PrivacyOfficer);
        await page.GotoAsync($"/incidents/{run.IncidentId}");
        await page.GetByLabel("E-mail").FillAsync(officer.Email);
        await page.GetByLabel("Senha").FillAsync(officer.Password);
        await page.GetByTestId("sign-in").ClickAsync();
        await page.GetByLabel("Código").FillAsync(Totp.Code(officer.AuthenticatorKey!));
        await page.GetByTestId("verify-code").ClickAsync();
        await page.GetByTestId("app-interactive").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 60_000 });

        var overview = page.GetByRole(AriaRole.Tab, new() { Name = "Visão geral" });
        var tasks = page.GetByRole(AriaRole.Tab, new() { Name = "Tarefas" });
        var cell = page.Locator("[data-testid=matrix-cell]").First;
        return await Figure.MeasureAsync(name, 3, runs, async _ =>
        {
            // Leave the tab (its panel is disposed), then measure the way back: click → first cells painted.
            await overview.ClickAsync();
            await cell.WaitForAsync(new() { State = WaitForSelectorState.Detached });
            await tasks.ClickAsync();
            await cell.WaitForAsync(new() { State = WaitForSelectorState.Visible, Timeout = 30_000 });
        });
    }
}
