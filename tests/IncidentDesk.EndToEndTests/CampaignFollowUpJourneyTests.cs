using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using IncidentDesk.Core.Campaigns;
using IncidentDesk.Core.Incidents;
using IncidentDesk.Data;
using IncidentDesk.Testing;
using IncidentDesk.Web.Features.Campaigns;
using IncidentDesk.Web.Features.Incidents.Intake;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IncidentDesk.EndToEndTests;

/// <summary>The officer follows up a campaign to all 340 co-ops: downloads the matrix as a workbook, then works the overdue list.</summary>
public sealed class CampaignFollowUpJourneyTests(BrowserFixture browser)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>
    /// Three tasks to every co-op; tasks 1 and 2 are then made late (five and two days ago) and the co-ops' answers
    /// spread: every third co-op finished task 1, every fifth task 2, every seventh is blocked on task 1.
    /// </summary>
    private async Task<int> LaunchLateCampaignAsync(int incidentId)
    {
        int campaignId;
        await using (var scope = await browser.Host.ActingAsAsync(browser.Officer))
        {
            var launched = await scope.ServiceProvider.GetRequiredService<CampaignService>().LaunchAsync(new CampaignLaunch(incidentId,
                "Contenção do vazamento", null,
                [
                    new("Confirmar se o aplicativo de chat é usado", null, 1, false, TaskAnswerType.YesNo),
                    new("Trocar as credenciais de integração", null, 2, false, TaskAnswerType.StatusOnly),
                    new("Avisar os titulares afetados", null, 10, false, TaskAnswerType.Text),
                ], CampaignAudience.AllCoops), Ct);
            Assert.True(launched.Succeeded);
            campaignId = launched.Value.CampaignId;
        }

        await using var db = await browser.Host.Services.GetRequiredService<FederationWideDb>().CreateDbContextAsync(Ct);
        var now = DateTime.UtcNow;
        await db.ArrangeAsync(async d =>
        {
            await d.CampaignTasks.Where(t => t.CampaignId == campaignId && t.Order == 1).ExecuteUpdateAsync(s => s.SetProperty(t => t.DueAtUtc, now.AddDays(-5)), Ct);
            await d.CampaignTasks.Where(t => t.CampaignId == campaignId && t.Order == 2).ExecuteUpdateAsync(s => s.SetProperty(t => t.DueAtUtc, now.AddDays(-2)), Ct);
            var first = d.CoopTasks.Where(t => t.CampaignId == campaignId && t.CampaignTask!.Order == 1);
            await first.Where(t => t.CoopId % 3 == 0).ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, CoopTaskStatus.Done).SetProperty(t => t.Answer, "Não"), Ct);
            await first.Where(t => t.CoopId % 7 == 0 && t.CoopId % 3 != 0)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, CoopTaskStatus.Blocked).SetProperty(t => t.Note, "Aguardando o fornecedor"), Ct);
            await d.CoopTasks.Where(t => t.CampaignId == campaignId && t.CampaignTask!.Order == 2 && t.CoopId % 5 == 0)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, CoopTaskStatus.Done), Ct);
        }, Ct);
        return campaignId;
    }

    [Fact]
    public async Task Officer_downloads_the_matrix_as_a_workbook_and_sees_who_to_chase_for_overdue_tasks()
    {
        var incidentId = await browser.RegisterIncidentAsync(new IncidentDraft
        {
            Title = $"Vazamento em aplicativo de chat {Guid.NewGuid().ToString("N")[..6]}",
            Summary = "Integração de chat expôs mensagens de atendimento.",
            ReportedAtLocal = DateTime.UtcNow.AddHours(-3).AddMinutes(-30),
            Severity = IncidentSeverity.High,
        });
        await LaunchLateCampaignAsync(incidentId);
        await TestAccounts.CreateAsync(browser.Host, "CoopLiaison", "AC-001", twoFactor: false,
            email: $"ponto.focal.{Guid.NewGuid().ToString("N")[..4]}@coopsaude-riobranco.example");

        var officer = await browser.NewOfficerPageAsync($"/incidents/{incidentId}");
        await officer.GetByRole(AriaRole.Tab, new() { Name = "Tarefas" }).ClickAsync();
        var row = officer.GetByTestId("campaign-row");
        await Expect(row.GetByTestId("campaign-overdue")).ToContainTextAsync("atrasada(s)");
        await Expect(row.GetByTestId("campaign-blocked")).ToContainTextAsync("bloqueada(s)");
        await Expect(officer.GetByTestId("matrix-row-overdue").First).ToBeVisibleAsync();
        await officer.ScreenshotAsync("76-matrix-overdue-and-exports");

        var download = await officer.RunAndWaitForDownloadAsync(() => officer.GetByTestId("matrix-export-xlsx").ClickAsync());
        Assert.Equal("INC-", download.SuggestedFilename[..4]);
        Assert.EndsWith("-contencao-do-vazamento-matriz.xlsx", download.SuggestedFilename, StringComparison.Ordinal);
        var path = Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}.xlsx");
        await download.SaveAsAsync(path);
        try
        {
            using var workbook = SpreadsheetDocument.Open(path, false);
            var rows = workbook.WorkbookPart!.WorksheetParts.Single().Worksheet.GetFirstChild<SheetData>()!.Elements<Row>().ToList();
            Assert.Equal(341, rows.Count);
            Assert.Equal("Código", rows[0].Elements<Cell>().First().InlineString!.Text!.Text);
        }
        finally
        {
            File.Delete(path);
        }

        await officer.GetByRole(AriaRole.Tab, new() { Name = "Cooperativas atrasadas" }).ClickAsync();
        var late = officer.GetByTestId("overdue-row");
        await Expect(late.First).ToBeVisibleAsync();
        // Most late first: a co-op that did nothing has both late tasks.
        await Expect(late.First.GetByTestId("overdue-count")).ToHaveTextAsync("2");
        await Expect(late.Last.GetByTestId("overdue-count")).ToHaveTextAsync("1");
        await Expect(late.First.Locator("a[href^='mailto:']").First).ToBeVisibleAsync();
        await Expect(late.First.GetByTestId("overdue-phone")).ToHaveAttributeAsync("href", new Regex(@"^tel:\+55\d{10}$"));
        await officer.ScreenshotAsync("77-overdue-coops");
    }
}
