namespace IncidentDesk.Benchmarks.Browser;

/// <summary>
/// Scripts that time inside the page with a MutationObserver, so the figures hold no Playwright polling or round trips.
/// Each resolves one animation frame after the DOM change (the frame that paints it).
/// </summary>
internal static class InPage
{
    private const string WaitFor = """
        const waitFor = done => new Promise(resolve => {
            const painted = () => requestAnimationFrame(() => setTimeout(resolve, 0));
            if (done()) { painted(); return; }
            const observer = new MutationObserver(() => { if (done()) { observer.disconnect(); painted(); } });
            observer.observe(document.body, { childList: true, subtree: true, attributes: true });
        });
        """;

    /// <summary>Clicks the main menu's link named <c>link</c>; the milliseconds until every selector matches, painted.</summary>
    public const string ClickUntilAll = "async ([link, selectors]) => {" + WaitFor + """
            const anchor = [...document.querySelectorAll('nav a')].find(a => a.textContent.trim() === link);
            const started = performance.now();
            anchor.click();
            await waitFor(() => selectors.every(s => document.querySelector(s) !== null));
            return performance.now() - started;
        }
        """;

    /// <summary>Starts watching for <c>selector</c>; <see cref="WatchedAt"/> gives the wall-clock ms (Date.now) it was painted.</summary>
    public const string Watch = "selector => {" + WaitFor + """
            window.__deskWatch = waitFor(() => document.querySelector(selector) !== null).then(() => Date.now());
        }
        """;

    public const string WatchedAt = "() => window.__deskWatch";
}
