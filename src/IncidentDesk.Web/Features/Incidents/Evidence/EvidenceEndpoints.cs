namespace IncidentDesk.Web.Features.Incidents.Evidence;

/// <summary>
/// The one way evidence files leave the desk: an authorized download, always as an attachment. Uploads never come
/// through here (they stream over the Blazor circuit into <see cref="EvidenceService"/>).
/// </summary>
internal static class EvidenceEndpoints
{
    public const string DownloadPattern = "/incidents/{id:int}/evidence/{evidenceId:int}/download";

    // Types a browser may be told as they are; anything text-like is sent as opaque bytes so no browser ever renders
    // it (HTML and SVG cannot be uploaded at all, this is the second lock).
    private static readonly HashSet<string> PassThroughTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "application/pdf", "image/png", "image/jpeg", "image/gif", "image/webp", "application/zip",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        "application/vnd.oasis.opendocument.text", "application/vnd.oasis.opendocument.spreadsheet",
        "application/vnd.ms-outlook",
    };

    public static string DownloadPath(int incidentId, int evidenceId) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"incidents/{incidentId}/evidence/{evidenceId}/download");

    /// <summary>The type sent on download: the detected one when binary and harmless, else application/octet-stream.</summary>
    public static string ResponseContentType(string contentType) =>
        PassThroughTypes.Contains(contentType) ? contentType : "application/octet-stream";

    // Cookie-authenticated like the pages (the fallback policy applies); who may see which file is decided in the service.
    public static void MapEvidenceEndpoints(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet(DownloadPattern, async (int id, int evidenceId, HttpContext context, EvidenceService evidence) =>
        {
            var download = await evidence.OpenDownloadAsync(id, evidenceId, context.RequestAborted);
            if (download is null)
            {
                return Results.NotFound();
            }

            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
            headers.CacheControl = "no-store";
            headers.Pragma = "no-cache";
            // fileDownloadName makes the result write "Content-Disposition: attachment; filename=…; filename*=UTF-8''…".
            return Results.File(download.Content, ResponseContentType(download.ContentType), download.FileName);
        });
}
