using IncidentDesk.Core.Coops;
using IncidentDesk.Web.Features.Coops;
using IncidentDesk.Web.Tests.Infrastructure;

namespace IncidentDesk.Web.Tests.Coops;

/// <summary>The import report: every refused line is shown with its line, column and reason in Portuguese, so nothing is lost.</summary>
public sealed class CoopImportReportViewTests : MudComponentTestBase
{
    [Fact]
    public void Every_bad_line_is_listed_with_line_column_and_reason()
    {
        var report = new CoopImportReport(
        [
            new CoopCsvError(0, null, CoopCsvReason.NotUtf8),
            new CoopCsvError(3, "cnpj", CoopCsvReason.InvalidCnpj),
            new CoopCsvError(7, "encarregado_email", CoopCsvReason.InvalidEmail),
            new CoopCsvError(9, null, CoopCsvReason.FieldCount),
            new CoopCsvError(12, "<script>alert(1)</script>", CoopCsvReason.UnknownColumn),
        ], 0, 0, 0, Applied: false);

        var cut = RenderWithMud<CoopImportReportView>(p => p.Add(c => c.Report, report));

        var rows = cut.FindAll("[data-testid=coop-import-error]")
            .Select(r => string.Join(" | ", r.QuerySelectorAll("td").Select(td => td.TextContent.Trim()))).ToList();
        Assert.Equal(
        [
            "— | arquivo | O arquivo não está em UTF-8. No Excel, salve como \"CSV UTF-8\".",
            "3 | cnpj | CNPJ inválido (dígitos verificadores não conferem).",
            "7 | encarregado_email | E-mail inválido.",
            "9 | linha inteira | A linha não tem o mesmo número de campos que o cabeçalho.",
            "12 | <script>alert(1)</script> | Coluna desconhecida no cabeçalho.",
        ], rows);
        Assert.Contains("O arquivo tem 5 problema(s). Nada foi gravado", cut.Find("[data-testid=coop-import-failed]").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("script"));
    }

    [Fact]
    public void A_valid_file_shows_what_the_import_would_do()
    {
        var cut = RenderWithMud<CoopImportReportView>(p => p.Add(c => c.Report, new CoopImportReport([], 2, 5, 333, Applied: false)));

        Assert.Contains("2 novas, 5 atualizadas, 333 sem alteração", cut.Find("[data-testid=coop-import-summary]").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=coop-import-error]"));
    }
}
