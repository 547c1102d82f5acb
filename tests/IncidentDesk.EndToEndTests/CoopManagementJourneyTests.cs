using System.Text;
using System.Text.RegularExpressions;
using IncidentDesk.Core.Coops;
using IncidentDesk.Data;
using IncidentDesk.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IncidentDesk.EndToEndTests;

/// <summary>Managing the directory: an import refused with its report (nothing changes), a co-op's detail page, a liaison's own co-op on a phone.</summary>
public sealed partial class CoopManagementJourneyTests(BrowserFixture browser)
{
    private const string Header = "code;name;cnpj;uf;city;federation;encarregado_name;encarregado_email;encarregado_phone;small_processing_agent;active";

    private async Task<Coop> CoopAsync(string code)
    {
        await using var db = browser.Host.Services.GetRequiredService<FederationWideDb>().CreateDbContext();
        return await db.Coops.AsNoTracking().Include(c => c.Federation).SingleAsync(c => c.Code == code);
    }

    [Fact]
    public async Task Officer_imports_a_file_with_one_bad_line_sees_the_report_and_nothing_changes()
    {
        var good = await CoopAsync("PR-003");
        var bad = await CoopAsync("PR-004");
        var text = $"{Header}\r\n"
            + $"{good.Code};Nome alterado que não deve entrar;{good.Cnpj};{good.Uf};{good.City};{good.Federation!.Code};{good.EncarregadoName};{good.EncarregadoEmail};{good.EncarregadoPhone};não;sim\r\n"
            + $"{bad.Code};{bad.Name};{bad.Cnpj};{bad.Uf};{bad.City};{bad.Federation!.Code};{bad.EncarregadoName};não-é-email;{bad.EncarregadoPhone};não;sim\r\n";
        var page = await browser.NewOfficerPageAsync("/coops");

        await page.GetByTestId("coop-import").ClickAsync();
        // Blazor's file input listens only once its script has run after the dialog rendered: under load a file picked
        // at once can go unheard, so it is picked again (as a person would) until the report shows.
        var input = page.Locator("[data-testid=coop-import-dialog] input[type=file]");
        var report = page.GetByTestId("coop-import-failed");
        for (var attempt = 1; ; attempt++)
        {
            await input.SetInputFilesAsync(new FilePayload
            {
                Name = "cooperativas.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(text),
            });
            try
            {
                await Expect(report).ToBeVisibleAsync(new() { Timeout = 5_000 });
                break;
            }
            catch (PlaywrightException) when (attempt < 3)
            {
            }
        }

        await Expect(report).ToContainTextAsync("O arquivo tem 1 problema(s). Nada foi gravado");
        var row = page.GetByTestId("coop-import-error");
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row).ToContainTextAsync("3");
        await Expect(row).ToContainTextAsync("encarregado_email");
        await Expect(row).ToContainTextAsync("E-mail inválido.");
        await Expect(page.GetByTestId("coop-import-apply")).ToBeDisabledAsync();
        await page.ScreenshotAsync("coops-01-import-report");

        await page.GetByTestId("coop-import-cancel").ClickAsync();
        Assert.Equal(good.Name, (await CoopAsync("PR-003")).Name);
        Assert.Equal(bad.EncarregadoEmail, (await CoopAsync("PR-004")).EncarregadoEmail);
    }

    [Fact]
    public async Task Officer_opens_a_coop_from_the_directory_and_sees_its_encarregado_and_incidents()
    {
        var coop = await CoopAsync("SP-004");
        var page = await browser.NewOfficerPageAsync("/coops?q=SP-004");

        await page.Locator("[data-testid=coop-grid] tbody tr.mud-table-row", new() { HasText = coop.Name }).ClickAsync();

        await page.WaitForUrlOrCaptureAsync(DetailUrl(), "coops-02-detail-failed");
        await Expect(page.GetByTestId("coop-encarregado-name")).ToHaveTextAsync(coop.EncarregadoName);
        await Expect(page.GetByTestId("coop-encarregado-email")).ToHaveAttributeAsync("href", $"mailto:{coop.EncarregadoEmail}");
        await Expect(page.GetByTestId("coop-cnpj")).ToHaveTextAsync(Cnpj.Format(coop.Cnpj));
        await Expect(page.GetByTestId("coop-incident-link")).ToContainTextAsync("INC-2026-0001");
        await Expect(page.GetByText("Incidentes em que está envolvida")).ToBeVisibleAsync();
        await page.ScreenshotAsync("coops-02-detail-officer");
    }

    [Fact]
    public async Task A_liaison_reads_their_own_coop_on_a_phone()
    {
        var coop = await CoopAsync("MG-002");
        var liaison = await TestAccounts.CreateAsync(browser.Host, "CoopLiaison", "MG-002");
        var page = await browser.NewPageAsync(390, 844);

        await page.SignInAsync(liaison, $"/coops/{coop.Id}");

        await Expect(page.GetByTestId("coop-encarregado-name")).ToHaveTextAsync(coop.EncarregadoName);
        await Expect(page.GetByTestId("coop-liaisons")).ToContainTextAsync(liaison.Email);
        await Expect(page.GetByTestId("coop-export")).ToHaveCountAsync(0);
        await page.ScreenshotAsync("coops-03-detail-liaison-phone");
    }

    [GeneratedRegex(@"/coops/\d+$")]
    private static partial Regex DetailUrl();
}
