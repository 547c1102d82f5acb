using IncidentDesk.Web.Security;
using IncidentDesk.Web.Outcomes;

namespace IncidentDesk.Web.Features.Campaigns;

/// <summary>
/// Downloads of a campaign's progress matrix for officers and auditors (cookie session, like the pages). The policy
/// turns a liaison away before anything is read; <see cref="CampaignProgressService"/> checks again and audits. The
/// matrix's filters travel in the query string as the toolbar shows them: <c>?uf=SP&amp;overdue=true&amp;blocked=true</c>.
/// </summary>
internal static class MatrixExportEndpoints
{
    public const string CsvRoute = "/campaigns/{id:int}/matrix/csv";
    public const string XlsxRoute = "/campaigns/{id:int}/matrix/xlsx";

    public static void MapMatrixExports(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(CsvRoute, (int id, string? uf, bool? overdue, bool? blocked, bool? notStarted, string? text,
                HttpContext context, CampaignProgressService progress, CancellationToken ct) =>
            ExportAsync(id, new MatrixFilter(Blank(uf), overdue == true, blocked == true, notStarted == true, Blank(text)), "csv",
                context, progress, sheet => sheet.Csv(), Core.Common.CsvText.ContentType, ct))
            .RequireAuthorization(Policies.OfficerOrAuditor);
        endpoints.MapGet(XlsxRoute, (int id, string? uf, bool? overdue, bool? blocked, bool? notStarted, string? text,
                HttpContext context, CampaignProgressService progress, CancellationToken ct) =>
            ExportAsync(id, new MatrixFilter(Blank(uf), overdue == true, blocked == true, notStarted == true, Blank(text)), "xlsx",
                context, progress, MatrixXlsx.Write, MatrixSheet.XlsxContentType, ct))
            .RequireAuthorization(Policies.OfficerOrAuditor);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static async Task<IResult> ExportAsync(
        int id, MatrixFilter filter, string extension, HttpContext context, CampaignProgressService progress,
        Func<MatrixSheet, byte[]> write, string contentType, CancellationToken cancellationToken)
    {
        var result = await progress.ExportAsync(id, filter, extension, cancellationToken);
        if (!result.Succeeded)
        {
            return result.ToStatusCode();
        }

        var sheet = result.Value;
        // Contacts and answers of 340 co-ops: the browser must neither guess the type nor keep a copy in its cache.
        context.Response.Headers.XContentTypeOptions = "nosniff";
        context.Response.Headers.CacheControl = "no-store";
        return TypedResults.File(write(sheet), contentType, sheet.FileName(extension));
    }
}
