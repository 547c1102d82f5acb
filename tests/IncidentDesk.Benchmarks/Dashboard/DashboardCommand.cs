using System.Diagnostics;
using System.Globalization;
using IncidentDesk.Benchmarks.Browser;
using IncidentDesk.Testing;
using IncidentDesk.Web.Security;
using Microsoft.Playwright;

namespace IncidentDesk.Benchmarks.Dashboard;

/// <summary>
/// <c>dashboard [--years 5] [--runs 20]</c>: on a generated history, an officer in Chromium goes from the incident list to the
/// dashboard (the menu's link, inside the circuit) until every widget is painted; beside it, the service's read alone, so
/// the share of rendering and the circuit is visible.
/// </summary>
internal static class DashboardCommand
{
    private const int Warmup = 3;

    // Every widget of the officer's dashboard, with its content (a list row or its empty state), not just its card.
    private static readonly string[] Painted =
    [
        "[data-testid=stat-value]",
        "[data-testid=breakdown-table]",
        "[data-testid=next-deadlines] :is([data-testid=deadline-row], [data-testid=deadlines-empty])",
        "[data-testid=campaign-progress]",
        "[data-testid=uf-tiles]",
        "[data-testid=overdue-coops]",
        "[data-testid=activity-feed]",
    ];

    public static async Task<int> RunAsync(CommandLine args)
    {
        var years = args.Int("years") ?? 5;
        var runs = args.Int("runs") ?? 20;
        args.EnsureAllRead();
        var started = Stopwatch.GetTimestamp();

        using var history = await GeneratedHistory.CreateAsync(years);
        await using var run = await FederationRun.StartAsync(history.Path);
        var view = await DashboardRead.ReadAsync(run);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"IncidentDesk dashboard · {Environment.ProcessorCount} cores · {run.CoopCount} co-ops · {view.OpenIncidentCount} open incidents · {view.Campaigns.Count} open campaigns · {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC"));
        if (view.OpenIncidentCount == 0)
        {
            Console.Error.WriteLine("No open incident in this history: the dashboard would show its calm state, not its widgets.");
            return 1;
        }

        var read = await Figure.MeasureAsync($"dashboard read, officer (DashboardService, {years}-year history)", Warmup, runs,
            _ => DashboardRead.ReadAsync(run));

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await DeskBrowser.LaunchAsync(playwright);
        var page = await DeskBrowser.NewPageAsync(browser, run, timeoutMs: 60_000);
        await DeskBrowser.SignInAsync(page, await TestAccounts.CreateAsync(run.Host, AppRoles.PrivacyOfficer), "/incidents");
        var menu = page.GetByRole(AriaRole.Navigation, new() { Name = "Navegação principal" });
        var incidents = page.GetByTestId("incident-register");
        var render = await Figure.MeasureOwnAsync($"dashboard first render, officer (Chromium, menu click → all widgets painted, {years}-year history)",
            Warmup, runs, async _ =>
            {
                // From the incident list (the dashboard's components disposed) back to the dashboard, timed in the page.
                await menu.GetByRole(AriaRole.Link, new() { Name = "Incidentes", Exact = true }).ClickAsync();
                await incidents.WaitForAsync();
                await page.Locator(Painted[0]).First.WaitForAsync(new() { State = WaitForSelectorState.Detached });
                var ms = await page.EvaluateAsync<double>(InPage.ClickUntilAll, new object[] { "Painel", Painted });
                return TimeSpan.FromMilliseconds(ms);
            });
        Console.WriteLine();
        Console.WriteLine(Figure.Header);
        Console.WriteLine(render.Row());
        Console.WriteLine(read.Row());
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"median render − median read ≈ {render.Median - read.Median:0} ms: rendering, the circuit's diff over the WebSocket and Chromium's paint"));
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"dashboard mode ran {Stopwatch.GetElapsedTime(started).TotalSeconds:0} s"));
        return 0;
    }
}
