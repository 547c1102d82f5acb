using IncidentDesk.Core.Compliance.Drafts;

namespace IncidentDesk.Web.Features.Notifications;

/// <summary>
/// The Markdown download of a draft (cookie session, like the pages). Who may draft for which co-op is decided by
/// <see cref="DraftService"/>, so another co-op's liaison gets a plain 404 and the attempt is audited.
/// </summary>
internal static class DraftEndpoints
{
    public const string MarkdownRoute = "/incidents/{id:int}/drafts/{coopId:int}/{kind}/md";
    public const string MarkdownContentType = "text/markdown; charset=utf-8";

    public static string MarkdownPath(int incidentId, int coopId, DraftKind kind) => $"incidents/{incidentId}/drafts/{coopId}/{kind}/md";

    public static void MapDraftDownloads(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(MarkdownRoute, async (int id, int coopId, string kind, HttpContext context, DraftService drafts, CancellationToken ct) =>
        {
            if (!Enum.TryParse<DraftKind>(kind, ignoreCase: false, out var parsed) || !Enum.IsDefined(parsed))
            {
                return Results.NotFound();
            }

            var draft = await drafts.ExportAsync(id, coopId, parsed, ct);
            if (draft is null)
            {
                return Results.NotFound();
            }

            // Personal data of a co-op: the browser must neither guess the type nor keep a copy in its cache.
            context.Response.Headers.XContentTypeOptions = "nosniff";
            context.Response.Headers.CacheControl = "no-store";
            return Results.File(System.Text.Encoding.UTF8.GetBytes(draft.Markdown), MarkdownContentType, draft.FileName);
        });
        Versions.VersionEndpoints.MapVersionDownloads(endpoints);
    }
}
