using System.Globalization;
using System.Text;

using IncidentDesk.Core.Campaigns;
using IncidentDesk.Core.Common;
using IncidentDesk.Web.Features.Campaigns.Tasks;

namespace IncidentDesk.Web.Features.Campaigns.Matrix;

/// <summary>
/// One cell of the exported matrix. Text is what the CSV shows; the workbook keeps numbers and dates as such and
/// colours a status cell like the matrix does.
/// </summary>
public readonly record struct SheetCell(string Text, int? Number = null, DateOnly? Date = null, CoopTaskStatus? Status = null)
{
    private static readonly CultureInfo PtBr = CultureInfo.GetCultureInfo("pt-BR");

    public static SheetCell Of(string? text) => new(text ?? "");

    public static SheetCell Of(int number) => new(number.ToString(CultureInfo.InvariantCulture), Number: number);

    public static SheetCell Of(DateOnly date) => new(date.ToString("dd/MM/yyyy", PtBr), Date: date);

    public static SheetCell Of(CoopTaskStatus status) => new(TaskText.Status(status), Status: status);
}

/// <summary>A column of the exported matrix: its header and its width in the workbook (in characters).</summary>
public sealed record SheetColumn(string Header, double Width);

/// <summary>
/// A campaign's matrix as a table for the downloads: a row per co-op (code, name, UF, federation, how many tasks are
/// overdue), then per task its status, answer, due day and whether it is overdue. Written in pt-BR, the record's
/// language, whatever the reader's UI language.
/// </summary>
public sealed record MatrixSheet(string IncidentReference, string CampaignTitle, IReadOnlyList<SheetColumn> Columns, IReadOnlyList<IReadOnlyList<SheetCell>> Rows)
{
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>The co-op columns before the first task's.</summary>
    public const int CoopColumns = 5;

    /// <param name="answers">The co-ops' answers by co-op task id (the matrix itself does not carry them).</param>
    public static MatrixSheet From(string incidentReference, CampaignProgress progress, IEnumerable<ProgressRow> rows, IReadOnlyDictionary<int, string> answers)
    {
        ArgumentNullException.ThrowIfNull(progress);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(answers);
        List<SheetColumn> columns =
        [
            new("Código", 10), new("Cooperativa", 40), new("UF", 5), new("Federação", 12), new("Tarefas atrasadas", 11),
        ];
        foreach (var task in progress.Columns)
        {
            var name = $"{task.Order}. {task.Title}";
            columns.AddRange([new($"{name} — situação", 16), new($"{name} — resposta", 30), new($"{name} — prazo", 12), new($"{name} — atrasada", 10)]);
        }

        var dueDays = progress.Columns.Select(c => DueDay(c.DueAtUtc)).ToList();
        var lines = rows.Select(row =>
        {
            var cells = new List<SheetCell>(columns.Count)
            {
                SheetCell.Of(row.CoopCode), SheetCell.Of(row.CoopName), SheetCell.Of(row.Uf), SheetCell.Of(row.FederationCode), SheetCell.Of(row.OverdueCount),
            };
            for (var i = 0; i < progress.Columns.Count; i++)
            {
                cells.AddRange(row.Cells[i] is { } cell
                    ? [SheetCell.Of(cell.Status), SheetCell.Of(answers.GetValueOrDefault(cell.CoopTaskId)), SheetCell.Of(dueDays[i]), SheetCell.Of(cell.IsOverdue ? "Sim" : "Não")]
                    : [SheetCell.Of("Sem tarefa"), SheetCell.Of(""), SheetCell.Of(""), SheetCell.Of("")]);
            }

            return (IReadOnlyList<SheetCell>)cells;
        }).ToList();
        return new MatrixSheet(incidentReference, progress.Title, columns, lines);
    }

    /// <summary>"INC-2026-0001-contencao-matriz.xlsx": ASCII only, so every browser and file system keeps it as is.</summary>
    public string FileName(string extension)
    {
        var title = new StringBuilder();
        foreach (var c in CampaignTitle.Normalize(NormalizationForm.FormD))
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                title.Append(char.ToLowerInvariant(c));
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark && title.Length > 0 && title[^1] != '-')
            {
                title.Append('-');
            }
        }

        var shortName = title.ToString(0, Math.Min(title.Length, 40)).Trim('-');
        var parts = new[] { CsvText.SafeFileNamePart(IncidentReference), shortName, "matriz" }.Where(p => p.Length > 0);
        return $"{string.Join('-', parts)}.{extension}";
    }

    public byte[] Csv()
    {
        var text = new StringBuilder();
        CsvText.AppendRow(text, Columns.Select(c => c.Header));
        foreach (var row in Rows)
        {
            CsvText.AppendRow(text, row.Select(c => c.Text));
        }

        return CsvText.Utf8WithBom(text);
    }

    // Due is stored as the end of the Brasília day (next midnight); a minute earlier names the due day itself.
    private static DateOnly DueDay(DateTime dueAtUtc) => Brasilia.Day(dueAtUtc.AddMinutes(-1));
}
