using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace IncidentDesk.Web.Features.Campaigns.Matrix;

/// <summary>
/// Officers watching the same campaign hold equal rows: each open matrix kept its own 340 rows of 20 cells (~180 KB per
/// open page). A row read or patched equal to one already held is taken from here instead, so fifty open matrices share
/// one copy. Weakly held: a row that no open matrix holds any more is collected, and its entry swept later.
/// The markup drawn from a shared row, and the table head drawn from equal columns, are shared the same way: fifty open
/// matrices held fifty copies of the first screen's HTML (~150 KB each).
/// </summary>
internal static class SharedRows
{
    private const int SweepEvery = 4096;

    private static readonly ConcurrentDictionary<(int CampaignId, int CoopId), WeakReference<ProgressRow>> Held = new();
    private static readonly ConditionalWeakTable<ProgressRow, RowHtml> Html = [];
    private static readonly ConcurrentDictionary<(int CampaignId, string Culture, string Part), WeakReference<string>> Parts = new();
    private static int _added;

    public static ProgressRow Share(int campaignId, ProgressRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var key = (campaignId, row.CoopId);
        if (Held.TryGetValue(key, out var held) && held.TryGetTarget(out var shared) && Equal(shared, row))
        {
            return shared;
        }

        Held[key] = new WeakReference<ProgressRow>(row);
        if (Interlocked.Increment(ref _added) % SweepEvery == 0)
        {
            Sweep();
        }

        return row;
    }

    /// <summary>The row's HTML in the current UI culture: made once per row and language, whoever draws it.</summary>
    public static string HtmlOf(ProgressRow row, Func<ProgressRow, string> draw)
    {
        ArgumentNullException.ThrowIfNull(draw);
        return Html.GetValue(row, _ => new RowHtml()).Get(row, draw);
    }

    /// <summary>
    /// The one held copy of a piece of a matrix's markup (its head, its status words) equal to <paramref name="html"/>,
    /// so that open matrices of the same campaign, in the same language and state, keep one string between them.
    /// </summary>
    public static string Part(int campaignId, string part, string html)
    {
        var key = (campaignId, CultureInfo.CurrentUICulture.Name, part);
        if (Parts.TryGetValue(key, out var held) && held.TryGetTarget(out var shared) && shared == html)
        {
            return shared;
        }

        Parts[key] = new WeakReference<string>(html);
        return html;
    }

    private static bool Equal(ProgressRow a, ProgressRow b) =>
        a.CoopCode == b.CoopCode && a.CoopName == b.CoopName && a.Uf == b.Uf && a.FederationCode == b.FederationCode
        && a.Cells.SequenceEqual(b.Cells);

    private static void Sweep()
    {
        foreach (var entry in Held)
        {
            if (!entry.Value.TryGetTarget(out _))
            {
                Held.TryRemove(entry);
            }
        }
    }

    /// <summary>One row's HTML per UI language (the desk has two): a short list, copied on write.</summary>
    private sealed class RowHtml
    {
        private (string Culture, string Html)[] _drawn = [];

        public string Get(ProgressRow row, Func<ProgressRow, string> draw)
        {
            var culture = CultureInfo.CurrentUICulture.Name;
            foreach (var (drawnIn, html) in _drawn)
            {
                if (drawnIn == culture)
                {
                    return html;
                }
            }

            var made = draw(row);
            _drawn = [.. _drawn, (culture, made)];
            return made;
        }
    }
}
