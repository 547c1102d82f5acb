using System.Globalization;
using IncidentDesk.Core.Incidents;
using Microsoft.AspNetCore.WebUtilities;

namespace IncidentDesk.Web.Features.Incidents.List;

/// <summary>
/// What the incident list shows — filters, sort and page — as kept in the URL so a view can be bookmarked or
/// shared: <c>q, status, severity, source, uf, coop, from, to, sort, desc, page</c>. Unknown or malformed values
/// are ignored rather than failing the page. <c>page</c> counts from 1 in the URL (0 in <see cref="Page"/>);
/// the default sort (newest report first) and page 1 are left out.
/// </summary>
public sealed record IncidentListState
{
    public string? Text { get; init; }
    public IReadOnlyList<IncidentStatus> Statuses { get; init; } = [];
    public IReadOnlyList<IncidentSeverity> Severities { get; init; } = [];
    public ReportSource? Source { get; init; }
    public string? Uf { get; init; }
    public int? CoopId { get; init; }
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    public IncidentSort Sort { get; init; } = IncidentSort.ReportedAt;
    public bool Descending { get; init; } = true;
    public int Page { get; init; }

    public bool HasFilters =>
        !string.IsNullOrWhiteSpace(Text) || Statuses.Count > 0 || Severities.Count > 0 || Source is not null
        || !string.IsNullOrWhiteSpace(Uf) || CoopId is not null || From is not null || To is not null;

    /// <summary>The same view without any filter (sort kept, back to the first page).</summary>
    public IncidentListState WithoutFilters() => new() { Sort = Sort, Descending = Descending };

    public IncidentQuery ToQuery(int pageSize) => new()
    {
        Text = Text,
        Statuses = Statuses,
        Severities = Severities,
        Source = Source,
        Uf = Uf,
        CoopId = CoopId,
        From = From,
        To = To,
        Sort = Sort,
        Descending = Descending,
        Page = Page,
        PageSize = pageSize,
    };

    public static IncidentListState FromUri(string uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        var query = QueryHelpers.ParseQuery(new Uri(uri, UriKind.Absolute).Query);
        string? One(string key) => query.TryGetValue(key, out var values) && !string.IsNullOrWhiteSpace(values.ToString()) ? values[^1] : null;
        List<T> Many<T>(string key) where T : struct, Enum =>
            query.TryGetValue(key, out var values)
                ? [.. values.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    .Select(v => Enum.TryParse<T>(v, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(v, out _) ? (T?)parsed : null)
                    .OfType<T>().Distinct()]
                : [];

        var sortText = One("sort");
        var hasSort = Enum.TryParse<IncidentSort>(sortText, ignoreCase: true, out var sort) && Enum.IsDefined(sort) && !int.TryParse(sortText, out _);
        var uf = One("uf")?.Trim().ToUpperInvariant();
        return new IncidentListState
        {
            Text = One("q")?.Trim(),
            Statuses = Many<IncidentStatus>("status"),
            Severities = Many<IncidentSeverity>("severity"),
            Source = Enum.TryParse<ReportSource>(One("source"), ignoreCase: true, out var source) && Enum.IsDefined(source) && !int.TryParse(One("source"), out _) ? source : null,
            Uf = uf is { Length: 2 } && uf.All(char.IsAsciiLetterUpper) ? uf : null,
            CoopId = int.TryParse(One("coop"), NumberStyles.None, CultureInfo.InvariantCulture, out var coop) && coop > 0 ? coop : null,
            From = ParseDate(One("from")),
            To = ParseDate(One("to")),
            Sort = hasSort ? sort : IncidentSort.ReportedAt,
            Descending = hasSort ? string.Equals(One("desc"), "true", StringComparison.OrdinalIgnoreCase) : true,
            Page = int.TryParse(One("page"), NumberStyles.None, CultureInfo.InvariantCulture, out var page) && page > 1 ? page - 1 : 0,
        };
    }

    /// <summary>The query-string values (null = leave out) for <c>NavigationManager.GetUriWithQueryParameters</c>.</summary>
    public IReadOnlyDictionary<string, object?> ToQueryParameters()
    {
        var defaultSort = Sort == IncidentSort.ReportedAt && Descending;
        return new Dictionary<string, object?>
        {
            ["q"] = string.IsNullOrWhiteSpace(Text) ? null : Text.Trim(),
            ["status"] = Statuses.Count == 0 ? null : Statuses.Order().Select(s => s.ToString()).ToArray(),
            ["severity"] = Severities.Count == 0 ? null : Severities.Order().Select(s => s.ToString()).ToArray(),
            ["source"] = Source?.ToString(),
            ["uf"] = string.IsNullOrWhiteSpace(Uf) ? null : Uf,
            ["coop"] = CoopId,
            ["from"] = From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["to"] = To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["sort"] = defaultSort ? null : Sort.ToString(),
            ["desc"] = defaultSort || !Descending ? null : "true",
            ["page"] = Page > 0 ? (Page + 1).ToString(CultureInfo.InvariantCulture) : null,
        };
    }

    /// <summary>Same view? (Records compare lists by reference, so compare what the URL would say.)</summary>
    public bool SameAs(IncidentListState? other) =>
        other is not null && Describe(this) == Describe(other);

    private static string Describe(IncidentListState state) =>
        string.Join('&', state.ToQueryParameters().Select(p => p.Key + "=" + p.Value switch
        {
            string[] many => string.Join(',', many),
            null => "",
            var one => Convert.ToString(one, CultureInfo.InvariantCulture),
        }));

    private static DateOnly? ParseDate(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
}
