using System.Globalization;
using System.Text;
using IncidentDesk.Core.Common;
using IncidentDesk.Core.Exposure;

namespace IncidentDesk.Web.Features.Exposure;

/// <summary>
/// The endpoint list as a file for Brazilian Excel (UTF-8 with BOM, ";", every cell quoted and formula-guarded, see
/// <see cref="CsvText"/>). Its first four columns are the import's (<c>code;host;port;kind</c>), so the file can be sent
/// back; times are Brasília time, states are the stable codes the filters use.
/// </summary>
internal static class ExposureCsv
{
    public static readonly string[] Columns =
    [
        EndpointCsv.Code, EndpointCsv.Host, EndpointCsv.Port, EndpointCsv.Kind, "coop_name", "uf", "declared_at", "declared_by",
        "authorized_at", "authorized_by", "last_check_at", "last_state", "last_detail", "topic_count", "open_task",
    ];

    public static byte[] Write(IEnumerable<EndpointRow> rows)
    {
        var text = new StringBuilder();
        CsvText.AppendRow(text, Columns);
        foreach (var r in rows)
        {
            CsvText.AppendRow(text,
            [
                r.CoopCode, r.Host, r.Port.ToString(CultureInfo.InvariantCulture), r.Kind.ToString().ToLowerInvariant(), r.CoopName, r.Uf,
                Time(r.DeclaredAtUtc), r.DeclaredBy, Time(r.AuthorizedAtUtc), r.AuthorizedBy ?? "", Time(r.LastCheckedAtUtc),
                r.LastOutcome?.ToString() ?? (r.IsAuthorized ? nameof(EndpointState.NeverChecked) : nameof(EndpointState.NotAuthorized)),
                r.LastDetail?.ToString() ?? "", r.LastTopicCount?.ToString(CultureInfo.InvariantCulture) ?? "",
                r.OpenTaskId is null ? "não" : "sim",
            ]);
        }

        return CsvText.Utf8WithBom(text);
    }

    private static string Time(DateTime? utc) =>
        utc is { } at ? (at + PartialDate.BrasiliaOffset).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "";
}
