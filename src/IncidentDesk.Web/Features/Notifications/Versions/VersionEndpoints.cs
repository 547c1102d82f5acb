using System.Globalization;
using IncidentDesk.Web.Features.Notifications.Export;

namespace IncidentDesk.Web.Features.Notifications.Versions;

/// <summary>
/// Downloads of saved draft versions (cookie session, like the pages). <see cref="DraftVersionService"/> decides who sees
/// which version: another co-op's version, or an unapproved one for a liaison, is a plain 404 and the attempt is audited.
/// </summary>
internal static class VersionEndpoints
{
    public const string Route = "/incidents/{id:int}/drafts/versions/{versionId:int}/{format}";

    public static string Path(int incidentId, int versionId, DraftFileFormat format) => string.Create(CultureInfo.InvariantCulture,
        $"incidents/{incidentId}/drafts/versions/{versionId}/{format.ToString().ToLowerInvariant()}");

    public static void MapVersionDownloads(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Route, async (int id, int versionId, string format, HttpContext context, DraftVersionService versions, CancellationToken ct) =>
        {
            // Only the lowercase names the UI links to; "Md", "1" or anything else is not a format.
            if (format is not ("md" or "docx" or "pdf") || !Enum.TryParse<DraftFileFormat>(format, ignoreCase: true, out var parsed))
            {
                return Results.NotFound();
            }

            var file = await versions.ExportAsync(id, versionId, parsed, ct);
            if (file is null)
            {
                return Results.NotFound();
            }

            // Personal data of a co-op: the browser must neither guess the type nor keep a copy in its cache.
            context.Response.Headers.XContentTypeOptions = "nosniff";
            context.Response.Headers.CacheControl = "no-store";
            return Results.File(file.Content, file.ContentType, file.FileName);
        });
    }
}
