using AngleSharp.Dom;
using IncidentDesk.Web.Features.Incidents;
using static IncidentDesk.Web.Tests.Incidents.IncidentListDatabase;

namespace IncidentDesk.Web.Tests.Incidents;

/// <summary>Reading the rendered incident list the way a person reads it: rows, cells by column title, what each filter shows.</summary>
internal static class IncidentListMarkup
{
    public static List<string> References(IEnumerable<int> numbers) => [.. numbers.Select(Reference)];

    /// <summary>The pager's "first–last de total" caption (the other caption is the rows-per-page label).</summary>
    public static string PagerInfo(IRenderedComponent<IncidentsPage> cut) =>
        cut.FindAll("[data-testid=incident-grid] .mud-table-pagination-caption")[^1].TextContent.Trim();

    public static string Text(IRenderedComponent<IncidentsPage> cut, string selector) => cut.Find(selector).TextContent.Trim();

    /// <summary>What a filter input shows (Mud inputs render the text into an input's value).</summary>
    public static string InputValue(IRenderedComponent<IncidentsPage> cut, string testId)
    {
        var element = cut.Find($"[data-testid={testId}]");
        var input = element.TagName == "INPUT" ? element : element.Closest(".mud-input-control")!.QuerySelector("input:not([type=hidden])")
            ?? element.Closest(".mud-input-control")!.QuerySelector("input");
        return input?.GetAttribute("value") ?? "";
    }

    public static List<IElement> Rows(IRenderedComponent<IncidentsPage> cut) =>
        [.. cut.FindAll("[data-testid=incident-grid] tbody tr").Where(row => row.QuerySelector("td[data-label='Referência']") is not null)];

    public static List<string> Cells(IRenderedComponent<IncidentsPage> cut, string columnTitle) =>
        [.. cut.FindAll($"[data-testid=incident-grid] tbody td[data-label='{columnTitle}']").Select(td => td.TextContent.Trim())];
}
