using IncidentDesk.Benchmarks.Browser;
using IncidentDesk.Testing;
using IncidentDesk.Web.Security;
using Microsoft.Playwright;

namespace IncidentDesk.Benchmarks;

/// <summary>Drives the machine's Chromium as an officer would: sign in, open the incident, click the Tasks tab.</summary>
internal static class MatrixPage
{
    /// <summary>
    /// Clicks in the page itself and reads the browser's clock: from the click on the Tasks tab to the first frame painted
    /// with matrix cells. What an officer waits for, without the Playwright driver's own actionability checks and round trips
    /// (the second figure, as measured before, includes them: ~70–180 ms per click on this machine).
    /// </summary>
    private const string ClickTasksUntilCellsPainted = """
        async () => {
            const tab = [...document.querySelectorAll("[role=tab]")].find(t => t.textContent.trim() === "Tarefas");
            const started = performance.now();
            tab.click();
            await new Promise(resolve => {
                const check = () => document.querySelector("[data-testid=matrix-cell]") ? resolve() : requestAnimationFrame(check);
                check();
            });
            await new Promise(resolve => requestAnimationFrame(() => resolve()));
            return performance.now() - started;
        }
        """;

    public static async Task<(Figure InPage, Figure ByDriver)> MeasureFirstRenderAsync(FederationRun run, string name, int runs)
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await DeskBrowser.LaunchAsync(playwright);
        var page = await DeskBrowser.NewPageAsync(browser, run);
        var officer = await TestAccounts.CreateAsync(run.Host, AppRoles.PrivacyOfficer);
        await DeskBrowser.SignInAsync(page, officer, $"/incidents/{run.IncidentId}");

        var overview = page.GetByRole(AriaRole.Tab, new() { Name = "Visão geral" });
        var tasks = DeskBrowser.TasksTab(page);
        var cell = DeskBrowser.MatrixCells(page).First;
        async Task LeaveTasksAsync()
        {
            // Leave the tab (its panel is disposed), then measure the way back.
            await overview.ClickAsync();
            await cell.WaitForAsync(new() { State = WaitForSelectorState.Detached });
        }

        var inPage = await Figure.MeasureOwnAsync($"{name}, in the page: click → first frame with cells", 3, runs, async _ =>
        {
            await LeaveTasksAsync();
            return TimeSpan.FromMilliseconds(await page.EvaluateAsync<double>(ClickTasksUntilCellsPainted));
        });
        var byDriver = await Figure.MeasureAsync($"{name}, by the Playwright driver: click → cell visible", 3, runs, async _ =>
        {
            await LeaveTasksAsync();
            await tasks.ClickAsync();
            await cell.WaitForAsync(new() { State = WaitForSelectorState.Visible, Timeout = 30_000 });
        });
        return (inPage, byDriver);
    }
}
