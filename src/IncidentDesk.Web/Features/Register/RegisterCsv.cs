using System.Globalization;
using System.Text;
using IncidentDesk.Core.Common;
using IncidentDesk.Web.Components;
using Microsoft.Extensions.Localization;

namespace IncidentDesk.Web.Features.Register;

/// <summary>The register's words, shared by the page and the CSV so both say the same thing.</summary>
internal static class RegisterWords
{
    public static string Assessment(RegisterRow row, IStringLocalizer<RegisterResource> text) =>
        text[row.Assessment is { } result ? $"Assessment.{result}" : "Assessment.None"];

    public static string Filing(RegisterFiling filing, IStringLocalizer<RegisterResource> text) => text[$"Filing.{filing.State}"];

    public static string Day(DateOnly day) => day.ToString("d", CultureInfo.CurrentCulture);

    public static string Moment(DateTime? utc) => utc is { } at ? BrasiliaTime.Format(at) : "";
}

/// <summary>The register as CSV through <see cref="CsvText"/> (every cell quoted and formula-guarded).</summary>
internal static class RegisterCsv
{
    private static readonly string[] Header =
    [
        "Csv.Reference", "Csv.Title", "Csv.CoopCode", "Csv.CoopName", "Csv.Uf", "Csv.Knowledge", "Csv.Assessment", "Csv.AssessedAt",
        "Csv.AnpdDeadline", "Csv.AnpdStatus", "Csv.AnpdFiledAt", "Csv.AnpdProtocol",
        "Csv.SubjectDeadline", "Csv.SubjectStatus", "Csv.SubjectFiledAt", "Csv.Drafts",
    ];

    public static void Write(StringBuilder csv, IReadOnlyList<RegisterRow> rows, IStringLocalizer<RegisterResource> text)
    {
        CsvText.AppendRow(csv, Header.Select(h => text[h].Value));
        foreach (var row in rows)
        {
            CsvText.AppendRow(csv,
            [
                row.Reference, row.Title, row.CoopCode, row.CoopName, row.Uf, BrasiliaTime.Format(row.KnowledgeAtUtc),
                RegisterWords.Assessment(row, text), RegisterWords.Moment(row.AssessedAtUtc),
                RegisterWords.Day(row.Anpd.Deadline), RegisterWords.Filing(row.Anpd, text), RegisterWords.Moment(row.Anpd.FiledAtUtc), row.Anpd.Protocol ?? "",
                RegisterWords.Day(row.Subjects.Deadline), RegisterWords.Filing(row.Subjects, text), RegisterWords.Moment(row.Subjects.FiledAtUtc),
                row.ApprovedDrafts.ToString(CultureInfo.InvariantCulture),
            ]);
        }
    }
}
