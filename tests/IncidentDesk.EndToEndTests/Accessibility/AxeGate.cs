using System.Text;
using Deque.AxeCore.Commons;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IncidentDesk.EndToEndTests.Accessibility;

/// <summary>One violation of a rule on one screen (all its nodes), or a screen that could not be checked at all.</summary>
public sealed record AxeFinding(string Screen, string RuleId, string Impact, int Nodes, string Detail);

/// <summary>
/// Walks <see cref="AxeScreen.All"/> in one browser page, as one person, and runs axe-core (WCAG 2.0 and 2.1, levels A
/// and AA) on each screen. Pages that share a path are visited once: their dialogs open and close over the same page.
/// </summary>
internal static class AxeGate
{
    /// <summary>What is waited out before a scan: loading bars and transitions (a fading dialog has no final colours yet).</summary>
    private const string Settled =
        "() => !document.querySelector('.mud-progress-linear-indeterminate, .mud-progress-circular-indeterminate, .mud-skeleton')"
        + " && document.getAnimations().every(a => a.playState !== 'running')";

    /// <param name="screenshotPrefix">Keeps a screenshot of each screen under this name; null for none.</param>
    public static async Task<IReadOnlyList<AxeFinding>> WalkAsync(IPage page, Audience who, bool phone, AxeWorld world,
        string? screenshotPrefix, IReadOnlyList<AxeScreen>? screens = null)
    {
        var findings = new List<AxeFinding>();
        string? at = null;
        var live = false;
        var number = 0;
        foreach (var screen in (screens ?? AxeScreen.All).Where(s => s.Audience.HasFlag(who) && !(phone && s.DesktopOnly)))
        {
            var path = world.Resolve(screen.Path);
            number++;
            try
            {
                // A page state reached by an action, or a page left mid-way by an earlier failure, is loaded afresh.
                if (at != path || screen.Act is not null)
                {
                    live = await GoAsync(page, path, screen, live);
                    at = path;
                }
                else if (screen.Ready is not null)
                {
                    await page.Locator(screen.Ready).First.WaitForAsync();
                }

                if (screen.Act is not null)
                {
                    await screen.Act(page, world);
                    at = null;
                }

                await SettleAsync(page);
                var shot = screenshotPrefix is null ? null : $"{screenshotPrefix}-{number:00}-{Slug(screen.Name)}";
                if (screen.Opener is null)
                {
                    findings.AddRange(Findings(screen, await ScanAsync(page, () => AxeScan.PageAsync(page))));
                    if (shot is not null)
                    {
                        await ShotAsync(page, shot);
                    }
                }
                else if (!await OverlayAsync(page, screen, shot, findings))
                {
                    at = null;
                }
            }
            catch (Exception e) when (e is PlaywrightException or TimeoutException)
            {
                findings.Add(new AxeFinding(screen.Name, "gate", "could not check", 1, e.Message.Split('\n')[0]));
                at = null;
                live = false;
            }
        }

        return findings;
    }

    /// <summary>
    /// Goes to a screen: inside the open circuit (as the menu's links do) when both pages are interactive, else by loading
    /// it. What the last page showed is marked first, so its leftovers are not taken for the new page's content. The same
    /// address again, or a page state reached by an action, starts from a fresh load: the same page's elements would stay
    /// marked.
    /// </summary>
    /// <returns>Whether the page is now an interactive one.</returns>
    private static async Task<bool> GoAsync(IPage page, string path, AxeScreen screen, bool live)
    {
        var ready = screen.Ready ?? "body";
        var here = new Uri(page.Url);
        var samePage = here.AbsolutePath == path.Split('?')[0];
        var sameAddress = here.PathAndQuery == path;
        if (live && !screen.Static && !sameAddress && !(samePage && screen.Act is not null))
        {
            await page.EvaluateAsync(
                "([ready, path]) => { document.querySelectorAll(ready).forEach(e => e.setAttribute('data-axe-left', '')); Blazor.navigateTo(path); }",
                new[] { ready, path });
            await page.WaitForFunctionAsync("path => location.pathname + location.search === path", path);
        }
        else
        {
            await page.GotoAsync(path);
            if (!screen.Static)
            {
                await page.WaitUntilInteractiveAsync();
            }
        }

        await page.Locator(string.Join(", ", ready.Split(", ").Select(r => $"{r}:not([data-axe-left])"))).First.WaitForAsync();
        return !screen.Static;
    }

    /// <summary>
    /// Opens a dialog or menu from the keyboard (focus on its control, Enter), scans it, closes it with Escape, and
    /// checks that focus went back to the control that opened it.
    /// </summary>
    /// <returns>Whether the page is back as it was (the overlay closed).</returns>
    private static async Task<bool> OverlayAsync(IPage page, AxeScreen screen, string? screenshot, List<AxeFinding> findings)
    {
        var opener = screen.Opener!(page);
        var surface = page.Locator(screen.Surface).Last;
        await PressAsync(opener, "Enter", surface);
        await SettleAsync(page);
        findings.AddRange(Findings(screen, await ScanAsync(page, () => AxeScan.ElementAsync(surface))));
        if (screenshot is not null)
        {
            await ShotAsync(page, screenshot);
        }

        if (screen.CloseWith is { } close)
        {
            await close(page).FocusAsync();
            await page.Keyboard.PressAsync("Enter");
        }
        else
        {
            await page.Keyboard.PressAsync("Escape");
        }

        try
        {
            await Expect(page.Locator(screen.Surface)).ToHaveCountAsync(0, new() { Timeout = 5_000 });
        }
        catch (PlaywrightException)
        {
            findings.Add(new AxeFinding(screen.Name, "escape-closes", "serious", 1, "it did not close"));
            return false;
        }

        try
        {
            await Expect(opener).ToBeFocusedAsync(new() { Timeout = 5_000 });
        }
        catch (PlaywrightException)
        {
            findings.Add(new AxeFinding(screen.Name, "focus-return", "serious", 1, "focus did not return to the control that opened it"));
        }

        return true;
    }

    /// <summary>
    /// Puts focus on a control as Tab would and presses a key until <paramref name="shows"/> appears. A page that has just
    /// arrived focuses its heading once rendered (Blazor's FocusOnNavigate), which can come between the two: then the key
    /// went to the heading, and focus is put back.
    /// </summary>
    private static async Task PressAsync(ILocator control, string key, ILocator shows)
    {
        for (var attempt = 1; ; attempt++)
        {
            await control.FocusAsync();
            await control.Page.Keyboard.PressAsync(key);
            try
            {
                await shows.WaitForAsync(new() { Timeout = 3_000 });
                return;
            }
            catch (TimeoutException) when (attempt < 3)
            {
                // The key went elsewhere: again.
            }
        }
    }

    /// <summary>What the person sees (the window, not the whole page): cheap enough for every screen of a run.</summary>
    private static async Task ShotAsync(IPage page, string name) => await
        page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, $"{name}.png") });

    private static async Task SettleAsync(IPage page) => await page.WaitForFunctionAsync(Settled);

    /// <summary>
    /// A toast raised by someone else's action (other tests work on the same desk) can arrive mid-scan while it fades in,
    /// with colours that are not yet its own: when one is on screen, a failing scan is repeated once the page has settled.
    /// A toast that fails once settled still fails.
    /// </summary>
    private static async Task<AxeResult> ScanAsync(IPage page, Func<Task<AxeResult>> scan)
    {
        var result = await scan();
        if (result.Violations.Length > 0 && await page.Locator(".mud-snackbar").CountAsync() > 0)
        {
            await SettleAsync(page);
            result = await scan();
        }

        return result;
    }

    private static IEnumerable<AxeFinding> Findings(AxeScreen screen, AxeResult result)
    {
        foreach (var rule in result.Violations)
        {
            var nodes = rule.Nodes.Where(n => !Excepted(screen, rule.Id, n.Target?.ToString() ?? "")).ToList();
            if (nodes.Count == 0)
            {
                continue;
            }

            var detail = new StringBuilder(rule.Help);
            foreach (var node in nodes.Take(4))
            {
                detail.Append("\n      ").Append(node.Target).Append("  ").Append(Shorten(node.Html, 160))
                    .Append("\n        ").Append(Shorten(string.Join(" | ", node.Any.Concat(node.All).Concat(node.None).Select(c => c.Message)), 220));
            }

            yield return new AxeFinding(screen.Name, rule.Id, rule.Impact ?? "?", nodes.Count, detail.ToString());
        }
    }

    private static bool Excepted(AxeScreen screen, string ruleId, string target) =>
        AxeScreen.Everywhere.Concat(screen.Exceptions)
            .Any(x => x.RuleId == ruleId && (x.Selector is null || target.Contains(x.Selector, StringComparison.Ordinal)));

    /// <summary>A per-screen count of nodes by impact, for the test's output.</summary>
    public static string Summary(IEnumerable<AxeFinding> findings, IEnumerable<string> screens)
    {
        var text = new StringBuilder();
        var byScreen = findings.ToLookup(f => f.Screen);
        foreach (var screen in screens)
        {
            var found = byScreen[screen].ToList();
            int Count(string impact) => found.Where(f => f.Impact == impact).Sum(f => f.Nodes);
            text.Append(System.Globalization.CultureInfo.InvariantCulture,
                $"{screen,-36} critical {Count("critical"),3}  serious {Count("serious"),3}  moderate {Count("moderate"),3}  minor {Count("minor"),3}  rules {string.Join(",", found.Select(f => f.RuleId))}\n");
        }

        return text.ToString();
    }

    private static string Shorten(string text, int length) => text.Length <= length ? text : text[..length] + "…";

    private static string Slug(string name) =>
        new(name.ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : '-').ToArray());
}
