using System.Text.RegularExpressions;
using IncidentDesk.Core.Common;
using IncidentDesk.Core.Incidents;
using IncidentDesk.Testing;
using IncidentDesk.Web.Features.Incidents;
using IncidentDesk.Web.Features.Incidents.Intake;
using IncidentDesk.Web.Features.Incidents.Timeline;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IncidentDesk.EndToEndTests;

public sealed partial class TimelineJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task Officer_corrects_a_fact_reads_its_history_filters_the_timeline_downloads_it_and_sees_the_audit_tab()
    {
        var ct = TestContext.Current.CancellationToken;
        int incidentId;
        await using (var scope = await browser.Host.ActingAsAsync(browser.Officer))
        {
            var sp = scope.ServiceProvider;
            incidentId = (await sp.GetRequiredService<IncidentRegisterService>().CreateAsync(new IncidentDraft
            {
                Title = "Bucket de backups exposto",
                Summary = "Relato de pesquisador: bucket público com backups.",
                ReportedAtLocal = DateTime.UtcNow.AddHours(-3).AddMinutes(-30),
                Severity = IncidentSeverity.High,
            }, ct)).Value.Id;
            var figures = sp.GetRequiredService<KeyFigureService>();
            foreach (var label in new[] { "Arquivos expostos", "Titulares afetados" })
            {
                await figures.AddAsync(incidentId, new KeyFigureInput(label, 1200, "itens", FigureStatus.Claimed, "Pesquisador",
                    DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-1)), null), ct);
            }

            var added = await sp.GetRequiredService<TimelineService>().AddEventAsync(incidentId, new ManualEventInput(
                new PartialDateInput(2026, 3, null, null, TimePrecision.Month), "<script>alert(1)</script> Bucket encontrado",
                "Descoberta em varredura.", "Relatório do pesquisador", true), ct);
            Assert.True(added.Succeeded);
        }

        var page = await browser.NewOfficerPageAsync($"/incidents/{incidentId}");
        await page.GetByRole(AriaRole.Tab, new() { Name = "Linha do tempo" }).ClickAsync();

        var timeline = page.GetByTestId("timeline");
        await Expect(timeline).ToContainTextAsync("<script>alert(1)</script> Bucket encontrado");
        await Expect(page.GetByTestId("timeline-system-run")).ToContainTextAsync("3 eventos do sistema");
        await page.ScreenshotAsync("60-timeline-folded");
        await page.GetByTestId("timeline-system-expand").ClickAsync();
        await Expect(timeline).ToContainTextAsync("Número registrado: Arquivos expostos");

        await page.GetByTestId("timeline-edit").ClickAsync();
        var dialog = page.GetByTestId("timeline-event-dialog");
        await dialog.GetByText("Ação da equipe").ClickAsync();
        await page.GetByTestId("event-title").FillAsync("Pesquisador confirma o bucket exposto");
        await page.ScreenshotAsync("61-timeline-edit");
        await page.GetByTestId("event-save").ClickAsync();
        await Expect(timeline).ToContainTextAsync("Pesquisador confirma o bucket exposto");
        await Expect(page.GetByTestId("timeline-event").Filter(new() { HasText = "Pesquisador confirma" })).ToContainTextAsync("editado em");

        await page.GetByTestId("timeline-history-open").ClickAsync();
        var history = page.GetByTestId("timeline-history");
        await Expect(history.GetByTestId("timeline-version")).ToHaveCountAsync(2);
        await Expect(history).ToContainTextAsync("<script>alert(1)</script> Bucket encontrado");
        await page.ScreenshotAsync("62-timeline-history");
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Fechar", Exact = true }).ClickAsync();

        await page.GetByTestId("timeline-kind-filter").GetByText("Ação da equipe").ClickAsync();
        await Expect(page.GetByTestId("timeline-event")).ToHaveCountAsync(1);
        await page.ScreenshotAsync("63-timeline-filtered");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("timeline-export-csv").ClickAsync());
        Assert.Matches(DownloadName(), download.SuggestedFilename);
        var csv = await File.ReadAllTextAsync(await download.PathAsync(), ct);
        Assert.Contains("Pesquisador confirma o bucket exposto", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("Número registrado", csv, StringComparison.Ordinal);

        await page.GetByRole(AriaRole.Tab, new() { Name = "Auditoria" }).ClickAsync();
        await Expect(page.GetByTestId("audit-grid")).ToContainTextAsync("TimelineEvent.Updated");
        await Expect(page.GetByTestId("audit-grid")).ToContainTextAsync("KeyFigure.Created");
        await page.ScreenshotAsync("64-incident-audit");
    }

    [GeneratedRegex(@"^INC-\d{4}-\d{4}-linha-do-tempo\.csv$")]
    private static partial Regex DownloadName();
}
