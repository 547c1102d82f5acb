using System.Globalization;
using System.Net;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using IncidentDesk.Core.Campaigns;
using IncidentDesk.IntegrationTests.Incidents;
using IncidentDesk.Testing;
using IncidentDesk.Web.Features.Audit;
using IncidentDesk.Web.Features.Campaigns;
using IncidentDesk.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentDesk.IntegrationTests.Campaigns;

/// <summary>
/// The progress matrix as files for officers and auditors, over real HTTP with a signed-in session: one row per co-op
/// with each task's status and answer, cells that never run as formulas, a workbook that holds the same as the CSV, and
/// nothing at all for a liaison.
/// </summary>
public sealed class MatrixExportTests(OwnHostFixture fixture) : IClassFixture<OwnHostFixture>
{
    private const string Formula = "=HYPERLINK(\"http://evil.example\";\"clique\")";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>First co-op: task 1 done with a formula as its answer, task 2 done. Second: task 1 not applicable. Others untouched.</summary>
    private async Task<(FollowUpCampaign Campaign, string Tag)> SeedAsync()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var campaign = await FollowUpCampaign.LaunchAsync(fixture, $"Contenção — Acre {tag}", Ct);
        await campaign.AnswerAsync(campaign.CoopCodes[0], 1, CoopTaskStatus.Done, Formula, Ct);
        await campaign.AnswerAsync(campaign.CoopCodes[0], 2, CoopTaskStatus.Done, null, Ct);
        await campaign.AnswerAsync(campaign.CoopCodes[1], 1, CoopTaskStatus.NotApplicable, null, Ct);
        return (campaign, tag);
    }

    private async Task<HttpClient> SignedInAsync(string role, string? coop = null)
    {
        var account = await TestAccounts.CreateAsync(fixture.Host, role, coop);
        var client = fixture.Host.CreateBrowserClient();
        (await SignIn.SignInAsync(client, account)).Dispose();
        return client;
    }

    private static Uri Url(int campaignId, string format, string query = "") =>
        new(string.Create(CultureInfo.InvariantCulture, $"campaigns/{campaignId}/matrix/{format}{query}"), UriKind.Relative);

    private static string? FileName(HttpResponseMessage response) =>
        response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"');

    [Fact]
    public async Task The_csv_has_one_row_per_coop_with_each_tasks_status_and_answer_and_no_cell_runs_as_a_formula()
    {
        var (campaign, tag) = await SeedAsync();
        using var officer = await SignedInAsync(AppRoles.PrivacyOfficer);

        using var response = await officer.GetAsync(Url(campaign.Id, "csv"), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"INC-2026-0001-contencao-acre-{tag}-matriz.csv", FileName(response));
        Assert.Contains("no-store", Assert.Single(response.Headers.GetValues("Cache-Control")), StringComparison.Ordinal);
        var bytes = await response.Content.ReadAsByteArrayAsync(Ct);
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var rows = Csv.Parse(Encoding.UTF8.GetString(bytes[3..]));

        Assert.Equal(["Código", "Cooperativa", "UF", "Federação", "Tarefas atrasadas",
            "1. Informar se o aplicativo é usado — situação", "1. Informar se o aplicativo é usado — resposta",
            "1. Informar se o aplicativo é usado — prazo", "1. Informar se o aplicativo é usado — atrasada"], rows[0][..9]);
        Assert.Equal(campaign.CoopCodes, rows.Skip(1).Select(r => r[0]).Order(StringComparer.Ordinal));
        var done = rows.Single(r => r[0] == campaign.CoopCodes[0]);
        Assert.Equal(("AC", "0", "Concluída", "'" + Formula, "Não", "Concluída"), (done[2], done[4], done[5], done[6], done[8], done[9]));
        var notApplicable = rows.Single(r => r[0] == campaign.CoopCodes[1]);
        Assert.Equal(("1", "Não se aplica", "Não", "Aberta", "Sim"), (notApplicable[4], notApplicable[5], notApplicable[8], notApplicable[9], notApplicable[12]));
        var untouched = rows.Single(r => r[0] == campaign.CoopCodes[2]);
        Assert.Equal(("2", "Aberta", "", "Sim"), (untouched[4], untouched[5], untouched[6], untouched[8]));
        Assert.Matches(@"^\d{2}/\d{2}/\d{4}$", untouched[7]);
    }

    [Fact]
    public async Task The_download_follows_the_matrix_filters_passed_in_the_query()
    {
        var (campaign, _) = await SeedAsync();
        using var auditor = await SignedInAsync(AppRoles.Auditor);

        var overdue = Csv.Parse(Encoding.UTF8.GetString((await auditor.GetByteArrayAsync(Url(campaign.Id, "csv", "?overdue=true"), Ct))[3..]));
        var otherUf = Csv.Parse(Encoding.UTF8.GetString((await auditor.GetByteArrayAsync(Url(campaign.Id, "csv", "?uf=SP&blocked=true"), Ct))[3..]));

        // The first co-op finished everything, so it is not overdue; nobody in the campaign is in SP.
        Assert.Equal(campaign.CoopCodes.Skip(1), overdue.Skip(1).Select(r => r[0]).Order(StringComparer.Ordinal));
        Assert.Single(otherUf);
    }

    [Fact]
    public async Task The_xlsx_is_a_workbook_holding_the_same_cells_as_the_csv_with_a_frozen_bold_header_coloured_statuses_and_real_dates()
    {
        var (campaign, tag) = await SeedAsync();
        using var officer = await SignedInAsync(AppRoles.PrivacyOfficer);
        var csv = Csv.Parse(Encoding.UTF8.GetString((await officer.GetByteArrayAsync(Url(campaign.Id, "csv"), Ct))[3..]));

        using var response = await officer.GetAsync(Url(campaign.Id, "xlsx"), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(MatrixSheet.XlsxContentType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"INC-2026-0001-contencao-acre-{tag}-matriz.xlsx", FileName(response));
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync(Ct));
        using var document = SpreadsheetDocument.Open(stream, false);
        var workbook = document.WorkbookPart!;
        var sheet = workbook.WorksheetParts.Single().Worksheet;
        var styles = workbook.WorkbookStylesPart!.Stylesheet;
        var formats = styles.CellFormats!.Elements<CellFormat>().ToList();
        var rows = sheet.GetFirstChild<SheetData>()!.Elements<Row>().ToList();

        Assert.Empty(sheet.Descendants<CellFormula>());
        Assert.Equal(csv.Count, rows.Count);
        for (var r = 0; r < rows.Count; r++)
        {
            var cells = rows[r].Elements<Cell>().ToList();
            Assert.Equal(csv[r].Count, cells.Count);
            for (var c = 0; c < cells.Count; c++)
            {
                // The CSV guards formulas with an apostrophe; the workbook does not need to, its text is never evaluated.
                Assert.Equal(csv[r][c].StartsWith("'=", StringComparison.Ordinal) ? csv[r][c][1..] : csv[r][c], Text(cells[c], formats));
            }
        }

        var pane = sheet.Descendants<Pane>().Single();
        Assert.Equal(("B2", 1.0), (pane.TopLeftCell?.Value, pane.VerticalSplit?.Value));
        var headerFont = styles.Fonts!.Elements<Font>().ElementAt((int)formats[(int)rows[0].Elements<Cell>().First().StyleIndex!.Value].FontId!.Value);
        Assert.NotNull(headerFont.Bold);
        Assert.All(sheet.Descendants<Column>(), c => Assert.True(c.CustomWidth?.Value == true && c.Width?.Value > 0));
        var done = rows.Single(r => Text(r.Elements<Cell>().First(), formats) == campaign.CoopCodes[0]).Elements<Cell>().ElementAt(5);
        var fill = styles.Fills!.Elements<Fill>().ElementAt((int)formats[(int)done.StyleIndex!.Value].FillId!.Value);
        Assert.Equal(MatrixXlsx.Colours(CoopTaskStatus.Done).Background, fill.PatternFill?.ForegroundColor?.Rgb?.Value);
        Assert.Equal(CellValues.InlineString, done.DataType?.Value);
    }

    [Fact]
    public async Task A_liaison_gets_no_file_and_the_refusal_in_the_service_is_audited_while_exports_are_audited_too()
    {
        var (campaign, _) = await SeedAsync();
        var id = campaign.Id.ToString(CultureInfo.InvariantCulture);
        using var liaison = await SignedInAsync(AppRoles.CoopLiaison, campaign.CoopCodes[0]);
        using var officer = await SignedInAsync(AppRoles.PrivacyOfficer);
        await using var db = fixture.CreateDb();
        var coopId = await db.Coops.Where(c => c.Code == campaign.CoopCodes[0]).Select(c => c.Id).SingleAsync(Ct);

        using var refused = await liaison.GetAsync(Url(campaign.Id, "xlsx"), Ct);
        await using var scope = Audit.ActingAs.Scope(fixture.Host, AppRoles.CoopLiaison, coopId);
        Assert.True((await scope.ServiceProvider.GetRequiredService<CampaignProgressService>().ExportAsync(campaign.Id, MatrixFilter.None, "xlsx", Ct)).IsForbidden);
        using var unknown = await officer.GetAsync(Url(int.MaxValue, "csv"), Ct);
        using var exported = await officer.GetAsync(Url(campaign.Id, "xlsx", "?uf=AC"), Ct);

        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("/account/access-denied", refused.Headers.Location?.ToString(), StringComparison.Ordinal);
        Assert.NotEqual("attachment", refused.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.OK, exported.StatusCode);
        var entries = await db.AuditEntries.AsNoTracking().Where(e => e.EntityType == nameof(Campaign) && e.EntityId == id).ToListAsync(Ct);
        Assert.Single(entries, e => e.Action == AuditActions.AccessDenied);
        var export = Assert.Single(entries, e => e.Action == AuditActions.Exported);
        Assert.StartsWith($"matrix xlsx: {campaign.CoopCodes.Count} co-ops × 2 tasks; uf=AC", export.Changes, StringComparison.Ordinal);
    }

    /// <summary>A cell as a person reads it: inline text, a whole number, or a date shown dd/MM/yyyy.</summary>
    private static string Text(Cell cell, List<CellFormat> formats)
    {
        if (cell.DataType?.Value == CellValues.InlineString)
        {
            return cell.InlineString!.Text!.Text;
        }

        var value = cell.CellValue!.Text;
        var isDate = cell.StyleIndex is { } style && formats[(int)style.Value].NumberFormatId?.Value == 164;
        return isDate
            ? DateTime.FromOADate(double.Parse(value, CultureInfo.InvariantCulture)).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)
            : value;
    }
}
