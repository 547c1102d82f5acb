using System.Collections.Concurrent;
using Microsoft.AspNetCore.Components.Rendering;
using MudBlazor;

namespace IncidentDesk.Web.Layout;

/// <summary>
/// MudBlazor's theme provider, drawing the same markup, but with its generated theme CSS (some 35,000 characters) shared
/// by every open page: MudBlazor builds a fresh string on each render, and each circuit's render tree held one or two of
/// them (~140 KB per open page). The CSS depends only on the theme and light/dark, so there are two strings in all.
/// </summary>
public sealed class SharedThemeProvider : MudThemeProvider
{
    private const int Kept = 8;

    // As MudThemeProvider renders it (MudBlazor 9): the chart series' hover filter.
    private const string ChartHover =
        "<style>.mud-chart-serie:hover { filter: url(#lighten); } .mud-chart-serie-hovered { filter: url(#lighten); }</style>";

    private static readonly string Scrollbar = BuildMudBlazorScrollbar();
    private static readonly ConcurrentDictionary<string, string> ThemeCss = new(StringComparer.Ordinal);

#pragma warning disable CA1725 // MudBlazor's own name for it is the Razor compiler's __builder.
    protected override void BuildRenderTree(RenderTreeBuilder builder)
#pragma warning restore CA1725
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (!DefaultScrollbar)
        {
            builder.AddMarkupContent(0, Scrollbar);
        }

        builder.AddMarkupContent(1, ChartHover);
        builder.AddMarkupContent(2, Shared(BuildTheme()));
    }

    private static string Shared(string css) =>
        ThemeCss.TryGetValue(css, out var shared) ? shared
        : ThemeCss.Count < Kept ? ThemeCss.GetOrAdd(css, css)
        : css;
}
