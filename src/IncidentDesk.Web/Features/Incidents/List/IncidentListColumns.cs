namespace IncidentDesk.Web.Features.Incidents.List;

/// <summary>Which grid column (by the property it shows) sorts the list how: the grid speaks property names, the query <see cref="IncidentSort"/>.</summary>
internal static class IncidentListColumns
{
    public static IncidentSort SortOf(string? property) => property switch
    {
        nameof(IncidentSummary.Reference) => IncidentSort.Reference,
        nameof(IncidentSummary.Title) => IncidentSort.Title,
        nameof(IncidentSummary.Status) => IncidentSort.Status,
        nameof(IncidentSummary.Severity) => IncidentSort.Severity,
        _ => IncidentSort.ReportedAt,
    };

    public static string PropertyOf(IncidentSort sort) => sort switch
    {
        IncidentSort.Reference => nameof(IncidentSummary.Reference),
        IncidentSort.Title => nameof(IncidentSummary.Title),
        IncidentSort.Status => nameof(IncidentSummary.Status),
        IncidentSort.Severity => nameof(IncidentSummary.Severity),
        _ => nameof(IncidentSummary.ReportedAtUtc),
    };

    // The grid wants an in-memory sort function even with server data; the server sorts, this one is never used for rows.
    public static Func<IncidentSummary, object?> SortFuncOf(IncidentSort sort) => sort switch
    {
        IncidentSort.Reference => i => i.Reference,
        IncidentSort.Title => i => i.Title,
        IncidentSort.Status => i => i.Status,
        IncidentSort.Severity => i => i.Severity,
        _ => i => i.ReportedAtUtc,
    };
}
