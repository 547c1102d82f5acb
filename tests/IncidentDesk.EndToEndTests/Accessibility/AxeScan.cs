using Deque.AxeCore.Commons;
using Microsoft.Playwright;
using Newtonsoft.Json.Linq;

namespace IncidentDesk.EndToEndTests.Accessibility;

/// <summary>
/// Runs axe-core (WCAG 2.0 and 2.1, levels A and AA, violations only) inside the page under test. The script goes into a
/// document once and stays there while the gate moves through the open circuit (a Blazor navigation keeps the document).
/// The package's own <c>RunAxe</c> sends the half-megabyte script again on every scan and opens a blank browser page to merge
/// partial results per frame: the desk's pages have no frames, and that work was most of a scan's cost in Chromium.
/// </summary>
internal static class AxeScan
{
    /// <summary>The rules the law asks for: WCAG 2.1 level AA, which contains 2.0 A and AA and 2.1 A.</summary>
    private const string Options =
        "{ runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] }";

    /// <summary>The axe-core build the package ships (its version is the package's).</summary>
    private static readonly Lazy<string> Source = new(() => new BundledAxeScriptProvider().GetScript());

    /// <summary>Scans the whole page.</summary>
    public static async Task<AxeResult> PageAsync(IPage page)
    {
        await PutInAsync(page);
        return Parse(await page.EvaluateAsync<string>($"async () => JSON.stringify(await axe.run(document, {Options}))"));
    }

    /// <summary>Scans one element and what it holds (an open dialog or menu).</summary>
    public static async Task<AxeResult> ElementAsync(ILocator element)
    {
        await PutInAsync(element.Page);
        return Parse(await element.EvaluateAsync<string>($"async node => JSON.stringify(await axe.run(node, {Options}))"));
    }

    /// <summary>Evaluated as a function body, as the package does: the page's own script rules do not apply to it.</summary>
    private static async Task PutInAsync(IPage page)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object' && typeof window.axe.run === 'function'"))
        {
            await page.EvaluateAsync($"() => {Source.Value}");
        }
    }

    private static AxeResult Parse(string json) => new(JObject.Parse(json));
}
