using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IncidentDesk.EndToEndTests.Accessibility;

/// <summary>
/// What a person without a mouse does: Tab until the control they want has focus, then a key. Nothing here clicks,
/// hovers or sets focus by script: a control Tab cannot reach makes the journey fail.
/// </summary>
internal static class KeyboardActions
{
    /// <summary>Presses Tab (or Shift+Tab) until <paramref name="target"/> has focus; fails after <paramref name="most"/> presses.</summary>
    public static async Task TabToAsync(this IPage page, ILocator target, int most = 150, bool backwards = false)
    {
        await target.WaitForAsync();
        for (var presses = 0; presses <= most; presses++)
        {
            if (await target.EvaluateAsync<bool>("e => e === document.activeElement"))
            {
                return;
            }

            await page.Keyboard.PressAsync(backwards ? "Shift+Tab" : "Tab");
        }

        var focused = await page.EvaluateAsync<string>("() => document.activeElement?.outerHTML.slice(0, 200) ?? 'nothing'");
        throw new Xunit.Sdk.XunitException($"{most} presses of Tab never reached {target}; focus is on {focused}");
    }

    /// <summary>Tabs to a control and presses a key on it (Enter by default).</summary>
    public static async Task PressOnAsync(this IPage page, ILocator target, string key = "Enter")
    {
        await page.TabToAsync(target);
        await page.Keyboard.PressAsync(key);
    }

    /// <summary>Tabs to a field and types into it key by key.</summary>
    public static async Task TypeIntoAsync(this IPage page, ILocator field, string text)
    {
        await page.TabToAsync(field);
        await page.Keyboard.TypeAsync(text);
    }

    /// <summary>
    /// Picks an option of a MudSelect (<paramref name="combobox"/>: its focusable box) from the keyboard: Tab to it, open
    /// it with Enter, arrow down to the option, Enter.
    /// </summary>
    public static async Task ChooseAsync(this IPage page, ILocator combobox, System.Text.RegularExpressions.Regex option)
    {
        await page.TabToAsync(combobox);
        await page.Keyboard.PressAsync("Enter");
        var list = page.Locator(".mud-popover-open [role=listbox]");
        await list.WaitForAsync();
        var wanted = list.GetByRole(AriaRole.Option, new() { NameRegex = option }).First;
        await wanted.WaitForAsync();
        // The list marks the option the arrows are on (mud-selected-item); the server moves it, so each press is waited for.
        const string Highlighted =
            "() => [...document.querySelectorAll('.mud-popover-open [role=listbox] [role=option]')].findIndex(o => o.classList.contains('mud-selected-item'))";
        for (var presses = 0; !await wanted.EvaluateAsync<bool>("e => e.classList.contains('mud-selected-item')"); presses++)
        {
            if (presses == 60)
            {
                throw new Xunit.Sdk.XunitException($"The arrow keys never reached the option {option}.");
            }

            var before = await page.EvaluateAsync<int>(Highlighted);
            await page.Keyboard.PressAsync("ArrowDown");
            await page.WaitForFunctionAsync($"before => ({Highlighted})() !== before", before);
        }

        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator(".mud-popover-open [role=listbox]")).ToHaveCountAsync(0);
        await Expect(combobox).ToHaveTextAsync(option);
    }
}
