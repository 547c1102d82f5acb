using IncidentDesk.Core.Incidents;
using IncidentDesk.Testing;
using IncidentDesk.Web.Features.Incidents;
using IncidentDesk.Web.Features.Incidents.Intake;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IncidentDesk.EndToEndTests;

public sealed class IncidentEditJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task Officer_corrects_an_incidents_title_and_severity_and_the_timeline_says_so()
    {
        var incidentId = await browser.RegisterIncidentAsync(new IncidentDraft
        {
            Title = "Planilha de beneficiarios em repositorio publico",
            Summary = "Relato de pesquisador: planilha com CPFs em repositório público.",
            ReporterName = "<script>alert(1)</script>",
            ReportedAtLocal = DateTime.UtcNow.AddHours(-3).AddMinutes(-30),
            Severity = IncidentSeverity.Medium,
        });

        var page = await browser.NewOfficerPageAsync($"/incidents/{incidentId}");
        await page.GetByTestId("incident-edit").ClickAsync();

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/incidents/{incidentId}/edit$"));
        var title = page.GetByLabel("Título");
        await Expect(title).ToHaveValueAsync("Planilha de beneficiarios em repositorio publico");
        await Expect(page.GetByLabel("Nome de quem relatou")).ToHaveValueAsync("<script>alert(1)</script>");

        // The same rules as intake: an empty title is refused in place.
        await title.FillAsync("");
        await page.GetByTestId("edit-save").ClickAsync();
        await Expect(page.GetByText("Campo obrigatório.").First).ToBeVisibleAsync();

        await title.FillAsync("Planilha de beneficiários em repositório público");
        await page.GetByTestId("intake-severity").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Alta" }).ClickAsync();
        await page.ScreenshotAsync("46-edit-incident");
        await page.GetByTestId("edit-save").ClickAsync();

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/incidents/{incidentId}$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Planilha de beneficiários em repositório público" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Tab, new() { Name = "Linha do tempo" }).ClickAsync();
        // Registration and correction are consecutive system events: the timeline folds them until asked.
        await page.GetByTestId("timeline-system-expand").First.ClickAsync();
        await Expect(page.GetByText("Dados do incidente alterados")).ToBeVisibleAsync();
        await Expect(page.GetByText("Campos alterados: Título, Gravidade.")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task An_officer_whose_colleague_saved_the_same_field_meanwhile_sees_who_keeps_their_text_and_saves_it()
    {
        var incidentId = await browser.RegisterIncidentAsync(new IncidentDraft
        {
            Title = "Bucket de exames exposto",
            Summary = "Relato de pesquisador.",
            ReportedAtLocal = DateTime.UtcNow.AddHours(-4),
            Severity = IncidentSeverity.High,
        });
        var page = await browser.NewOfficerPageAsync($"/incidents/{incidentId}/edit");
        var title = page.GetByLabel("Título");
        await Expect(title).ToHaveValueAsync("Bucket de exames exposto");

        // A colleague saves a new title and the affected systems while this officer is still typing.
        var colleague = await TestAccounts.CreateAsync(browser.Host, "PrivacyOfficer");
        await using (var scope = await browser.Host.ActingAsAsync(colleague))
        {
            var register = scope.ServiceProvider.GetRequiredService<IncidentRegisterService>();
            var theirs = (await register.GetDraftAsync(incidentId, TestContext.Current.CancellationToken)).Value;
            var basis = IncidentDraftFields.Copy(theirs);
            theirs.Title = "Bucket de exames laboratoriais exposto";
            theirs.AffectedSystems = "Bucket S3 do laboratório";
            Assert.True((await register.UpdateAsync(incidentId, theirs, basis, TestContext.Current.CancellationToken)).Succeeded);
        }

        await title.FillAsync("Bucket público com laudos de exames");
        await page.GetByTestId("edit-save").ClickAsync();

        var conflict = page.GetByTestId("edit-conflict");
        await Expect(conflict).ToContainTextAsync("Outra pessoa salvou este incidente enquanto você editava");
        await Expect(conflict).ToContainTextAsync($"{colleague.Email} salvou às");
        await Expect(conflict).ToContainTextAsync("alterações em: Título.");
        await Expect(title).ToHaveValueAsync("Bucket público com laudos de exames");
        await Expect(page.GetByLabel("Sistemas afetados")).ToHaveValueAsync("Bucket S3 do laboratório");
        await conflict.ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync("47-edit-conflict");

        await page.GetByTestId("edit-save").ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/incidents/{incidentId}$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Bucket público com laudos de exames" })).ToBeVisibleAsync();
        await Expect(page.GetByText("Bucket S3 do laboratório")).ToBeVisibleAsync();
    }
}
