using System.Diagnostics.Metrics;

namespace IncidentDesk.Web.Features.Live;

/// <summary>
/// How long an open page takes to show a change: from the change's publication (just after its commit) to the moment the
/// page's circuit has rendered it and handed the render batch to its connection — measured on the server, so slow
/// browsers or a busy client machine do not blur it. Read it with <c>dotnet-counters monitor --counters IncidentDesk.Live</c>
/// or any OpenTelemetry metrics exporter.
/// </summary>
public sealed class LiveMetrics
{
    public const string MeterName = "IncidentDesk.Live";
    public const string PageRefresh = "incidentdesk.live.page_refresh";

    private readonly Histogram<double> _pageRefresh;
    private readonly TimeProvider _time;

    public LiveMetrics(IMeterFactory meters, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(meters);
        _time = time;
        _pageRefresh = meters.Create(MeterName).CreateHistogram<double>(PageRefresh, "ms",
            "From a change's publication to an open page's render batch showing it being sent");
    }

    public const string ViewTag = "view";

    /// <summary>An open <paramref name="view"/> has rendered changes published since <paramref name="oldestShownUtc"/> (the oldest it shows).</summary>
    public void PageRefreshed(string view, DateTime oldestShownUtc) =>
        _pageRefresh.Record((_time.GetUtcNow().UtcDateTime - oldestShownUtc).TotalMilliseconds, new KeyValuePair<string, object?>(ViewTag, view));
}
