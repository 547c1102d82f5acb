using System.Diagnostics;
using System.Globalization;
using IncidentDesk.Benchmarks.Browser;
using IncidentDesk.Testing;
using IncidentDesk.Web.Security;
using Microsoft.Playwright;

namespace IncidentDesk.Benchmarks.Circuit;

/// <summary>
/// <c>circuit [--pages 50] [--tasks 20] [--years 0|5] [--repeats 10]</c>: C officers keep the incident's matrix open, each in
/// their own Chromium context (so their own Blazor circuit). Measures the server memory one open circuit costs — beside its
/// floor, the same circuits on a bare page of the desk — and the time
/// from a liaison's update to every open matrix showing it — on the browsers' clocks and on the server's (change published →
/// each circuit's render batch sent). <c>--load 68</c> measures the same again while liaisons update that many tasks a
/// second of the campaign the pages show. <c>--browser-nice N</c> runs Chromium below the server's CPU priority
/// (<see cref="LowPriorityChromium"/>); the default keeps everything at one priority.
/// </summary>
internal static class CircuitCommand
{
    private const int OpeningAtOnce = 4;

    public static async Task<int> RunAsync(CommandLine args)
    {
        var pages = args.Int("pages") ?? 50;
        var tasks = args.Int("tasks") ?? 20;
        var years = args.Int("years") ?? 0;
        var repeats = args.Int("repeats") ?? 10;
        var load = args.Int("load");
        var browserNice = args.Int("browser-nice");
        args.EnsureAllRead();
        var started = Stopwatch.GetTimestamp();

        using var history = await GeneratedHistory.CreateAsync(years);
        await using var run = await FederationRun.StartAsync(history.Path);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"IncidentDesk circuits · {Environment.ProcessorCount} cores · {run.CoopCount} co-ops · {pages} pages · {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC · load average {Load.LoadCommand.LoadAverage()}"));
        var campaignId = await CampaignFigures.LaunchAsync(run, tasks, $"Circuitos {run.CoopCount} × {tasks}");
        var matrix = $"matrix {run.CoopCount} × {tasks}";

        var browsers = browserNice is { } niceness
            ? $"Chromium at nice {niceness} (lower CPU priority than the server, which stands in for browsers on their own machines; not what this machine gives with everything at one priority)"
            : "Chromium at the server's CPU priority (the default)";
        Console.WriteLine($"browsers: {browsers}");
        using var lowPriority = browserNice is { } n ? LowPriorityChromium.Create(n) : null;
        using var playwright = await Playwright.CreateAsync();
        await using var browser = lowPriority is null ? await DeskBrowser.LaunchAsync(playwright) : await lowPriority.LaunchAsync(playwright);
        // Kept open through the run: JIT, caches and pools are warm before "before", and "after − before" holds the C pages only.
        await OpenMatrixAsync(browser, run);
        var before = ServerMemory.Measure();
        var opened = Stopwatch.GetTimestamp();
        // The floor first: the same officers on a bare page of the desk (layout, menu, a line of text), each its own circuit.
        var open = await ForEachAsync(Enumerable.Range(0, pages), _ => OpenBarePageAsync(browser, run));
        var floor = ServerMemory.Measure();
        // Then each of those circuits moves on to the matrix, as a person clicking through would (same circuit, no reload).
        await ForEachAsync(open, async page =>
        {
            await page.EvaluateAsync("path => Blazor.navigateTo(path)", $"incidents/{run.IncidentId}");
            await DeskBrowser.OpenTasksTabAsync(page);
            return page;
        });
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{pages} matrix pages open in {Stopwatch.GetElapsedTime(opened).TotalSeconds:0.0} s"));
        var after = ServerMemory.Measure();
        Console.WriteLine($"before (1 warm-up page open): {before}");
        Console.WriteLine($"floor ({pages} more circuits on a bare page): {floor}");
        Console.WriteLine($"after (the same {pages} circuits on the matrix, idle): {after}");
        Console.WriteLine("Chromium and the Playwright driver run in their own processes: not counted; the harness's own share of this process is negligible.");

        using var server = new ServerRepaints("matrix");
        var repaint = await RepaintFigures.MeasureAsync(run, campaignId, open, repeats, server, quiet: true);
        var underLoad = load is { } rate ? await UnderLoadAsync(run, campaignId, open, repeats, server, rate) : null;
        Console.WriteLine();
        Console.WriteLine(Figure.Header);
        Console.WriteLine(MemoryRow($"server memory per open circuit ({matrix}, {pages} pages)", before, after, pages));
        Console.WriteLine(MemoryRow($"floor: server memory per open circuit on a bare page of the desk ({pages} pages)", before, floor, pages));
        Console.WriteLine(MemoryRow($"the matrix page's own share (matrix − floor, {pages} pages)", floor, after, pages));
        Console.WriteLine(repaint.All.Row());
        Console.WriteLine(repaint.First.Row());
        Console.WriteLine(repaint.ServerAll.Row());
        Console.WriteLine(repaint.ServerEach.Row());
        Console.WriteLine(repaint.ServerCpu.Row());
        if (underLoad is not null)
        {
            Console.WriteLine(underLoad.Value.Server.Row());
            Console.WriteLine(underLoad.Value.Browser.All.Row());
            Console.WriteLine(underLoad.Value.Browser.First.Row());
            Console.WriteLine($"| load beside the pages | {underLoad.Value.Load} |");
        }

        Console.WriteLine($"| browsers | {browsers} · load average at the end {Load.LoadCommand.LoadAverage()} |");

        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"circuit mode ran {Stopwatch.GetElapsedTime(started).TotalSeconds:0} s"));
        return 0;
    }

    /// <summary>
    /// Liaisons update the campaign the pages show at <paramref name="rate"/> a second while the repaint is measured again:
    /// every page's refresh in that window is a server sample (each covers the oldest change it shows).
    /// </summary>
    private static async Task<(Figure Server, RepaintFigures.Result Browser, string Load)?> UnderLoadAsync(
        FederationRun run, int campaignId, List<IPage> pages, int repeats, ServerRepaints server, int rate)
    {
        const int liaisons = 340;
        var options = new Load.LoadOptions
        {
            Liaisons = liaisons, Officers = 0, Interval = TimeSpan.FromSeconds(liaisons / (double)rate), Duration = TimeSpan.FromSeconds(45),
            CampaignId = campaignId,
        };
        var from = server.Count;
        var loading = Load.LoadRun.RunAsync(run, options);
        // Let the load settle before the repaints are timed inside it.
        using (var settle = new PeriodicTimer(TimeSpan.FromSeconds(5)))
        {
            await settle.WaitForNextTickAsync();
        }

        var browser = await RepaintFigures.MeasureAsync(run, campaignId, pages, repeats, server, quiet: false);
        var result = await loading;
        var samples = server.Since(from);
        var figure = new Figure(string.Create(CultureInfo.InvariantCulture,
            $"server: change → render batch sent, each of {pages.Count} matrix circuits, under {rate} updates/s"), samples.DefaultIfEmpty(double.NaN).ToList());
        var said = string.Create(CultureInfo.InvariantCulture,
            $"{result.Updated:N0} updates in {result.Elapsed.TotalSeconds:0} s = {result.UpdatesPerSecond:0.0}/s, {result.Errors} errors {string.Join(" · ", result.ErrorSamples)}, p99 {figure.Percentile(99):0.0} ms over {samples.Count:N0} page refreshes, load average {Load.LoadCommand.LoadAverage()}");
        return (figure, browser, said);
    }

    private static string MemoryRow(string name, ServerMemory before, ServerMemory after, int pages) => string.Create(CultureInfo.InvariantCulture,
        $"| {name} | {pages} | — | {(after.ManagedBytes - before.ManagedBytes) / 1024.0 / pages:N0} KB managed heap · {(after.WorkingSetBytes - before.WorkingSetBytes) / 1024.0 / pages:N0} KB working set (not ms) | — | — |");

    private static async Task<List<IPage>> ForEachAsync<T>(IEnumerable<T> items, Func<T, Task<IPage>> open)
    {
        using var gate = new SemaphoreSlim(OpeningAtOnce);
        var opening = items.Select(async item =>
        {
            await gate.WaitAsync();
            try
            {
                return await open(item);
            }
            finally
            {
                gate.Release();
            }
        });
        return [.. await Task.WhenAll(opening)];
    }

    /// <summary>A new officer in a new context, signed in on the desk's "page not found" page: the layout and a line of text.</summary>
    private static async Task<IPage> OpenBarePageAsync(IBrowser browser, FederationRun run)
    {
        var page = await DeskBrowser.NewPageAsync(browser, run, timeoutMs: 120_000);
        var officer = await TestAccounts.CreateAsync(run.Host, AppRoles.PrivacyOfficer);
        await DeskBrowser.SignInAsync(page, officer, "/not-found");
        return page;
    }

    /// <summary>A new officer in a new context: signed in on the incident, Tasks tab open, the matrix painted.</summary>
    private static async Task<IPage> OpenMatrixAsync(IBrowser browser, FederationRun run)
    {
        var page = await DeskBrowser.NewPageAsync(browser, run, timeoutMs: 120_000);
        var officer = await TestAccounts.CreateAsync(run.Host, AppRoles.PrivacyOfficer);
        await DeskBrowser.SignInAsync(page, officer, $"/incidents/{run.IncidentId}");
        await DeskBrowser.OpenTasksTabAsync(page);
        return page;
    }
}
