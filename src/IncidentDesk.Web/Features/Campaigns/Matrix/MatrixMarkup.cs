using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace IncidentDesk.Web.Features.Campaigns.Matrix;

/// <summary>
/// One co-op's matrix row as a single piece of HTML rather than ~220 render-tree frames with a click handler per cell.
/// Blazor keeps two copies of every component's frames for as long as a page is open; for fifty officers with the matrix
/// open that was most of the server's memory per circuit. A cell is a plain button: the table body's one
/// <c>onmatrixcell</c> handler (wwwroot/js/matrix.js) tells the server which cell was clicked, and the cell's accessible
/// name is composed by <c>aria-labelledby</c> from the co-op code, the column's title and the status's words, which exist
/// once on the page (<see cref="Ids"/>) instead of once per cell.
/// </summary>
internal static class MatrixMarkup
{
    // Accented Portuguese stays as it is; only what HTML needs (&, <, >, quotes) is escaped.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>Element ids unique to one matrix on the page (its campaign), for <c>aria-labelledby</c>.</summary>
    internal readonly record struct Ids(int CampaignId)
    {
        public string Coop(int coopId) => string.Create(CultureInfo.InvariantCulture, $"m{CampaignId}r{coopId}");

        public string Column(int index) => string.Create(CultureInfo.InvariantCulture, $"m{CampaignId}c{index}");

        public string Look(int index) => string.Create(CultureInfo.InvariantCulture, $"m{CampaignId}s{index}");

        public string Filter(string name) => string.Create(CultureInfo.InvariantCulture, $"m{CampaignId}f{name}");
    }

    /// <param name="overdue">The row's overdue badge text and its title, or null when nothing is overdue.</param>
    public static string Row(ProgressRow row, Ids ids, IReadOnlyList<MatrixCellLook> looks, string noCell, (string Text, string Title)? overdue)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(looks);
        var rowId = ids.Coop(row.CoopId);
        var html = new StringBuilder(160 + (row.Cells.Count * 176));
        html.Append("<tr class=\"matrix-row\" data-testid=\"matrix-row\" data-coop=\"").Append(Encode(row.CoopCode)).Append("\">");
        html.Append("<th scope=\"row\" class=\"matrix-coop-col\" title=\"").Append(Encode(row.CoopName)).Append("\">");
        html.Append("<span class=\"matrix-coop-code\" id=\"").Append(rowId).Append("\">").Append(Encode(row.CoopCode)).Append("</span>");
        if (overdue is var (text, title))
        {
            html.Append("<span class=\"matrix-coop-overdue\" data-testid=\"matrix-row-overdue\" title=\"").Append(Encode(title)).Append("\">")
                .Append(Encode(text)).Append("</span>");
        }

        html.Append("<span class=\"matrix-coop-name\">").Append(Encode(row.CoopName)).Append("</span></th>");
        for (var i = 0; i < row.Cells.Count; i++)
        {
            if (row.Cells[i] is not { } cell)
            {
                html.Append("<td><span class=\"matrix-cell matrix-cell-none\" title=\"").Append(Encode(noCell)).Append("\">·</span></td>");
                continue;
            }

            var lookIndex = MatrixCellLook.Index(cell.Status, cell.IsOverdue);
            var look = looks[lookIndex];
            html.Append("<td><button type=\"button\" class=\"").Append(look.CssClass)
                .Append("\" data-testid=\"matrix-cell\" data-status=\"").Append(look.Status)
                .Append("\" data-task-id=\"").Append(cell.CoopTaskId.ToString(CultureInfo.InvariantCulture))
                .Append("\" aria-labelledby=\"").Append(rowId).Append(' ').Append(ids.Column(i)).Append(' ').Append(ids.Look(lookIndex))
                .Append("\">").Append(look.Glyph).Append("</button></td>");
        }

        return html.Append("</tr>").ToString();
    }

    /// <summary>
    /// The table head: a column per task (its number, due day and, for assistive technology, its title, which cells'
    /// names point to) and the completion of each task across the co-ops.
    /// </summary>
    public static string Head(IReadOnlyList<ProgressColumn> columns, Ids ids, string coopHeader, string completionHeader,
        Func<ProgressColumn, string> due, Func<ColumnTally, string> counts)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(due);
        ArgumentNullException.ThrowIfNull(counts);
        var html = new StringBuilder(256 + (columns.Count * 360));
        html.Append("<thead><tr><th scope=\"col\" class=\"matrix-coop-col\">").Append(Encode(coopHeader)).Append("</th>");
        for (var i = 0; i < columns.Count; i++)
        {
            var column = columns[i];
            var title = Encode(string.Create(CultureInfo.InvariantCulture, $"{column.Order}. {column.Title}"));
            html.Append("<th scope=\"col\" class=\"matrix-task-col\" data-testid=\"matrix-column\" title=\"").Append(title).Append("\">")
                .Append("<span class=\"matrix-task-number\">").Append(column.Order.ToString(CultureInfo.InvariantCulture)).Append("</span>")
                .Append("<span class=\"matrix-task-due\">").Append(Encode(due(column))).Append("</span>")
                .Append("<span class=\"visually-hidden\" id=\"").Append(ids.Column(i)).Append("\">").Append(title).Append("</span></th>");
        }

        html.Append("</tr><tr class=\"matrix-completion-row\"><th scope=\"row\" class=\"matrix-coop-col\">").Append(Encode(completionHeader)).Append("</th>");
        foreach (var column in columns)
        {
            html.Append("<th class=\"matrix-completion\" data-testid=\"matrix-completion\" title=\"").Append(Encode(counts(column.Tally))).Append("\">")
                .Append(column.Tally.PercentComplete.ToString(CultureInfo.InvariantCulture)).Append("%</th>");
        }

        return html.Append("</tr></thead>").ToString();
    }

    /// <summary>The status words each cell's <c>aria-labelledby</c> ends with, once per page, hidden from sight.</summary>
    public static string Looks(IReadOnlyList<MatrixCellLook> looks, Ids ids)
    {
        ArgumentNullException.ThrowIfNull(looks);
        var html = new StringBuilder("<div hidden>");
        for (var i = 0; i < looks.Count; i++)
        {
            html.Append("<span id=\"").Append(ids.Look(i)).Append("\">").Append(Encode(looks[i].Spoken)).Append("</span>");
        }

        return html.Append("</div>").ToString();
    }

    private static string Encode(string value) => Encoder.Encode(value);
}
