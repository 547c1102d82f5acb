using System.Globalization;
using IncidentDesk.Core.Common;
using IncidentDesk.Web.Security;
using Microsoft.Extensions.Localization;
using IncidentDesk.Web.Outcomes;

namespace IncidentDesk.Web.Features.Register;

/// <summary>
/// The register as a CSV file for officers and auditors (cookie session, like the page), with the page's filters in the
/// query string. The policy turns a liaison away first; <see cref="RegisterService"/> checks again and audits.
/// </summary>
internal static class RegisterEndpoints
{
    public const string CsvRoute = "/register/csv";

    public static void MapRegisterExport(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(CsvRoute, async (int? incident, string? coop, string? uf, RegisterStatus? status, HttpContext context,
                RegisterService register, IStringLocalizer<RegisterResource> text, TimeProvider time, CancellationToken ct) =>
            {
                var csv = await register.CsvAsync(new RegisterQuery(incident, Blank(coop), Blank(uf), status), text, ct);
                if (!csv.Succeeded)
                {
                    return csv.ToStatusCode();
                }

                context.Response.Headers.XContentTypeOptions = "nosniff";
                context.Response.Headers.CacheControl = "no-store";
                var day = Brasilia.Day(time.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                return Results.File(csv.Value, CsvText.ContentType, $"registro-incidentes_{day}.csv");
            })
            .RequireAuthorization(Policies.OfficerOrAuditor);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
