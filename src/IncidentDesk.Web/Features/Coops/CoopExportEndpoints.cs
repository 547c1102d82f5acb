using IncidentDesk.Core.Common;
using IncidentDesk.Web.Security;
using IncidentDesk.Web.Outcomes;

namespace IncidentDesk.Web.Features.Coops;

/// <summary>The directory download. Cookie-authenticated like the pages; officers and auditors only (the file holds every encarregado's contacts).</summary>
internal static class CoopExportEndpoints
{
    public const string CsvRoute = "/coops/export/csv";

    public static void MapCoopExport(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet(CsvRoute, async (HttpContext context, CoopDirectoryService directory, CancellationToken ct) =>
        {
            var file = await directory.ExportAsync(ct);
            if (!file.Succeeded)
            {
                return file.ToStatusCode();
            }

            // Personal data: the browser must neither guess the type nor keep a copy in its cache.
            context.Response.Headers.XContentTypeOptions = "nosniff";
            context.Response.Headers.CacheControl = "no-store";
            return TypedResults.File(file.Value, CsvText.ContentType, "cooperativas.csv");
        }).RequireAuthorization(Policies.OfficerOrAuditor);
}
