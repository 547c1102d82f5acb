using IncidentDesk.Benchmarks.Browser;
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
        await using var browser = await DeskBrowser.LaunchAsync(playwright);
        var page = await DeskBrowser.NewPageAsync(browser, run);
        var officer = await TestAccounts.CreateAsync(run.Host, AppRoles.PrivacyOfficer);
        await DeskBrowser.SignInAsync(page, officer, $"/incidents/{run.IncidentId}");

        var overview = page.GetByRole(AriaRole.Tab, new() { Name = "Visão geral" });
        var tasks = DeskBrowser.TasksTab(page);
        var cell = DeskBrowser.MatrixCells(page).First;
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
