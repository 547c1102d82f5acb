using IncidentDesk.Core.Timeline;

namespace IncidentDesk.Web.Features.Incidents.Timeline;

/// <summary>
/// Downloads of an incident's timeline. Cookie-authenticated like the pages (the fallback policy applies); what the
/// caller may see is decided by <see cref="TimelineService"/>, so another co-op's liaison gets a plain 404.
/// The filter travels in the query string as the timeline tab shows it: <c>?kind=Fact&amp;kind=Status&amp;source=…</c>.
/// </summary>
internal static class TimelineExportEndpoints
{
    public const string CsvRoute = "/incidents/{id:int}/timeline/csv";
    public const string JsonRoute = "/incidents/{id:int}/timeline/json";

    public static void MapTimelineExports(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(CsvRoute, (int id, string[]? kind, string? source, HttpContext context, TimelineService timeline, CancellationToken ct) =>
            ExportAsync(id, Filter(kind, source), "csv", context, timeline, TimelineExport.Csv, TimelineExport.CsvContentType, ct));
        endpoints.MapGet(JsonRoute, (int id, string[]? kind, string? source, HttpContext context, TimelineService timeline, TimeProvider time, CancellationToken ct) =>
            ExportAsync(id, Filter(kind, source), "json", context, timeline,
                listing => TimelineExport.JsonFile(listing, time.GetUtcNow().UtcDateTime), TimelineExport.JsonContentType, ct));
    }

    /// <summary>Unknown kind names are ignored rather than refused: a stale bookmark still downloads something sensible.</summary>
    public static TimelineFilter Filter(string[]? kinds, string? source) => new(
        [.. (kinds ?? []).Select(k => Enum.TryParse<TimelineEventKind>(k, ignoreCase: false, out var parsed) && Enum.IsDefined(parsed) ? (TimelineEventKind?)parsed : null)
            .OfType<TimelineEventKind>().Distinct()],
        string.IsNullOrWhiteSpace(source) ? null : source);

    private static async Task<IResult> ExportAsync(
        int id, TimelineFilter filter, string extension, HttpContext context, TimelineService timeline,
        Func<TimelineListing, byte[]> write, string contentType, CancellationToken cancellationToken)
    {
        var listing = await timeline.ExportAsync(id, filter, extension, cancellationToken);
        if (listing is null)
        {
            return TypedResults.NotFound();
        }

        // Personal data: the browser must neither guess the type nor keep a copy in its cache.
        context.Response.Headers.XContentTypeOptions = "nosniff";
        context.Response.Headers.CacheControl = "no-store";
        return TypedResults.File(write(listing), contentType, TimelineExport.FileName(listing.Reference, extension));
    }
}
