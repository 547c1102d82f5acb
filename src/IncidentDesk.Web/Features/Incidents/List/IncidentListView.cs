using System.Globalization;
using System.Text;
using IncidentDesk.Core.Coops;
using IncidentDesk.Core.Incidents;

namespace IncidentDesk.Web.Features.Incidents.List;

/// <summary>
/// Everything the incident list shows — filters, sort, page and page size — as one immutable value that round-trips
/// through the URL, so a view can be bookmarked or shared:
/// <c>incidents?q=kafka&amp;status=Investigating,Triage&amp;uf=SP&amp;from=2026-04-01&amp;sort=reference&amp;dir=asc&amp;page=2</c>.
/// Parsing never fails: unknown or malformed values are dropped. Two views are equal when their URLs are equal
/// (<see cref="ToQueryString"/> is canonical), which is what the page compares to decide whether to reload.
/// </summary>
public sealed record IncidentListView
{
    public const int DefaultPageSize = 25;
    public const int MaxTextLength = 200;

    /// <summary>The page sizes the pager offers; any other size in a URL falls back to the default.</summary>
    public static IReadOnlyList<int> PageSizes { get; } = [10, 25, 50, 100];

    // A page far beyond any real register is a typo or a probe; it must not overflow the row offset.
    private const int MaxPage = 100_000;

    private static readonly Dictionary<string, IncidentSort> SortNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["reported"] = IncidentSort.ReportedAt,
        ["reference"] = IncidentSort.Reference,
        ["title"] = IncidentSort.Title,
        ["status"] = IncidentSort.Status,
        ["severity"] = IncidentSort.Severity,
    };

    public string? Text { get; init; }
    public IReadOnlyList<IncidentStatus> Statuses { get; init; } = [];
    /// <summary>Strongest first, as the filter lists them.</summary>
    public IReadOnlyList<IncidentSeverity> Severities { get; init; } = [];
    public ReportSource? Source { get; init; }
    public int? CoopId { get; init; }
    public string? Uf { get; init; }
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    public IncidentSort Sort { get; init; } = IncidentSort.ReportedAt;
    public bool Descending { get; init; } = true;

    /// <summary>Counts from 0 (the URL counts from 1).</summary>
    public int Page { get; init; }

    public int PageSize { get; init; } = DefaultPageSize;

    public bool HasFilters =>
        Text is not null || Statuses.Count > 0 || Severities.Count > 0 || Source is not null
        || CoopId is not null || Uf is not null || From is not null || To is not null;

    /// <summary>The same sort and page size without any filter, from the first page.</summary>
    public IncidentListView WithoutFilters() => new() { Sort = Sort, Descending = Descending, PageSize = PageSize };

    /// <summary>The newest report first unless a column says otherwise; names read naturally A→Z.</summary>
    public static bool DefaultDescending(IncidentSort sort) => sort == IncidentSort.ReportedAt;

    public IncidentQuery ToQuery() => new()
    {
        Text = Text,
        Statuses = Statuses,
        Severities = Severities,
        Source = Source,
        CoopId = CoopId,
        Uf = Uf,
        From = From,
        To = To,
        Sort = Sort,
        Descending = Descending,
        Page = Page,
        PageSize = PageSize,
    };

    /// <summary>
    /// Reads a view from query-string values (key → raw value, null when absent). Co-op and UF filters are only
    /// honoured for people who see the whole federation: for a liaison they would be invisible and meaningless.
    /// </summary>
    public static IncidentListView Parse(IReadOnlyDictionary<string, string?> query, bool coopFilters)
    {
        ArgumentNullException.ThrowIfNull(query);
        string? One(string key) => query.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

        var sort = One("sort") is { } sortName && SortNames.TryGetValue(sortName, out var named) ? named : IncidentSort.ReportedAt;
        var direction = One("dir")?.ToUpperInvariant();
        var text = One("q");
        var uf = One("uf")?.ToUpperInvariant();
        return new IncidentListView
        {
            Text = text is null ? null : text[..Math.Min(text.Length, MaxTextLength)],
            Statuses = Set<IncidentStatus>(One("status")),
            Severities = [.. Set<IncidentSeverity>(One("severity")).OrderDescending()],
            Source = Set<ReportSource>(One("source")) is [var source] ? source : null,
            CoopId = coopFilters && int.TryParse(One("coop"), NumberStyles.None, CultureInfo.InvariantCulture, out var coop) && coop > 0 ? coop : null,
            Uf = coopFilters && BrazilianStates.All.Any(s => s.Uf == uf) ? uf : null,
            From = Date(One("from")),
            To = Date(One("to")),
            Sort = sort,
            Descending = direction switch { "ASC" => false, "DESC" => true, _ => DefaultDescending(sort) },
            Page = int.TryParse(One("page"), NumberStyles.None, CultureInfo.InvariantCulture, out var page) && page is > 1 and <= MaxPage ? page - 1 : 0,
            PageSize = int.TryParse(One("size"), NumberStyles.None, CultureInfo.InvariantCulture, out var size) && PageSizes.Contains(size) ? size : DefaultPageSize,
        };
    }

    /// <summary>The canonical query string (with its leading <c>?</c>, or empty for the default view).</summary>
    public string ToQueryString()
    {
        var pairs = new List<(string Key, string Value)>();
        void Add(string key, string? value)
        {
            if (value is not null)
            {
                pairs.Add((key, value));
            }
        }

        Add("q", Text);
        Add("status", Statuses.Count == 0 ? null : string.Join(',', Statuses.Order()));
        Add("severity", Severities.Count == 0 ? null : string.Join(',', Severities.OrderDescending()));
        Add("source", Source?.ToString());
        Add("coop", CoopId?.ToString(CultureInfo.InvariantCulture));
        Add("uf", Uf);
        Add("from", From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add("to", To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        if (Sort != IncidentSort.ReportedAt || !Descending)
        {
            Add("sort", SortNames.First(n => n.Value == Sort).Key);
            Add("dir", Descending ? "desc" : "asc");
        }

        Add("page", Page > 0 ? (Page + 1).ToString(CultureInfo.InvariantCulture) : null);
        Add("size", PageSize != DefaultPageSize ? PageSize.ToString(CultureInfo.InvariantCulture) : null);

        var builder = new StringBuilder();
        foreach (var (key, value) in pairs)
        {
            // Commas stay literal so a shared link stays readable (status=Investigating,Triage).
            builder.Append(builder.Length == 0 ? '?' : '&').Append(key).Append('=')
                .Append(string.Join(',', value.Split(',').Select(Uri.EscapeDataString)));
        }

        return builder.ToString();
    }

    public bool Equals(IncidentListView? other) =>
        other is not null && string.Equals(ToQueryString(), other.ToQueryString(), StringComparison.Ordinal);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(ToQueryString());

    /// <summary>A set of enum names separated by commas, sorted and distinct; numbers and unknown names are dropped.</summary>
    private static List<T> Set<T>(string? names) where T : struct, Enum =>
        [.. (names ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(name => !char.IsAsciiDigit(name[0]) && name[0] != '-')
            .Select(name => Enum.TryParse<T>(name, ignoreCase: true, out var value) && Enum.IsDefined(value) ? value : (T?)null)
            .OfType<T>()
            .Distinct()
            .Order()];

    private static DateOnly? Date(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
}
