using System.Text.RegularExpressions;
using IncidentDesk.Data.Seeding;
using IncidentDesk.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IncidentDesk.EndToEndTests;

/// <summary>
/// The case the desk exists for, typed in by an officer from nothing: the researchers' Kafka report, the three
/// co-ops that used the chat, the claimed and the estimated message counts, a fact on the timeline; then the
/// incident list finds it again through a filter that survives a reload (the link can be shared).
/// </summary>
[StartsFirst]
public sealed partial class ReferenceIncidentJourneyTests(BrowserFixture browser)
{
    // Other browser tests share the host and create incidents too: a tag makes this one's title unique.
    private readonly string _tag = Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();

    private string Title => $"Instância Kafka sem autenticação expõe conversas do chatbot ({_tag})";

    [Fact]
    public async Task Officer_records_the_reference_incident_from_scratch_and_finds_it_again_through_a_shareable_filter()
    {
        var page = await browser.NewOfficerPageAsync("/incidents/new");
        var reference = await RecordIntakeAsync(page);
        await AddFiguresAsync(page);
        await AddCoopsAsync(page, "SP-001", "MG-001", "RJ-001");
        await AddTimelineFactAsync(page);

        await page.GotoAsync("/incidents");
        await page.WaitUntilInteractiveAsync();
        var grid = page.GetByTestId("incident-grid");
        await Expect(grid.GetByRole(AriaRole.Link, new() { Name = reference, Exact = true })).ToBeVisibleAsync();
        await page.ScreenshotAsync("50-incident-list");

        await page.GetByTestId("incident-search").FillAsync("Kafka");
        await page.GetByTestId("incident-status-filter").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Relatado", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Incidentes", Level = 1 }).ClickAsync(); // closes the list
        await Expect(page).ToHaveURLAsync(FilteredUrl());
        await Expect(page.GetByRole(AriaRole.Option, new() { Name = "Triagem" })).ToBeHiddenAsync();
        await ExpectOnlyReportedKafkaIncidentsAsync(page, reference);
        await page.ScreenshotAsync("51-incident-list-filtered");

        // The URL alone restores the view: reload it, then open it on a phone.
        await page.ReloadAsync();
        await page.WaitUntilInteractiveAsync();
        await Expect(page.GetByTestId("incident-search")).ToHaveValueAsync("Kafka");
        await ExpectOnlyReportedKafkaIncidentsAsync(page, reference);
        var shared = page.Url;

        // A filter that matches nothing says so and offers the way back.
        await page.GetByTestId("incident-search").FillAsync($"Kafka {_tag} inexistente");
        await Expect(page.GetByTestId("incident-empty-text")).ToHaveTextAsync("Nenhum incidente corresponde aos filtros.");
        await page.ScreenshotAsync("54-incident-list-no-match");
        await page.GetByTestId("incident-empty-clear").ClickAsync();
        await Expect(page).ToHaveURLAsync(PlainListUrl());
        await Expect(page.GetByTestId("incident-grid").GetByRole(AriaRole.Link, new() { Name = ReferenceIncidentSeed.Reference, Exact = true }))
            .ToBeVisibleAsync();

        var phone = await browser.NewOfficerPageAsync(new Uri(shared).PathAndQuery, width: 390, height: 844);
        await ExpectOnlyReportedKafkaIncidentsAsync(phone, reference);
        var overflow = await phone.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
        Assert.False(overflow, "the incident list scrolls sideways on a phone");
        await phone.ScreenshotAsync("52-incident-list-phone");

        // The other filters wait behind a button that counts them (here: the status).
        await Expect(phone.GetByTestId("incident-filters-toggle")).ToBeVisibleAsync();
        await Expect(phone.Locator(".incident-filters-toggle .mud-badge")).ToHaveTextAsync("1");
        await phone.GetByTestId("incident-filters-toggle").ClickAsync();
        await Expect(phone.GetByTestId("incident-from")).ToBeVisibleAsync();
        await phone.ScreenshotAsync("53-incident-list-phone-filters");
    }

    private async Task<string> RecordIntakeAsync(IPage page)
    {
        await page.GetByTestId("intake-source").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Pesquisador de segurança" }).ClickAsync();
        await page.GetByLabel("Nome de quem relatou").FillAsync("Equipe de pesquisa independente");
        await page.GetByLabel("Organização de quem relatou").FillAsync("Laboratório de segurança ofensiva");
        await page.GetByLabel("Contato de quem relatou").FillAsync("pesquisa@laboratorio.example");
        // Known only to the month: "in March" the co-op system says it found and fixed the problem.
        await page.GetByTestId("intake-discovered-precision").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Somente o mês" }).ClickAsync();
        await page.GetByTestId("intake-discovered-month").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "março", Exact = true }).ClickAsync();
        await page.GetByLabel("Ano da descoberta").FillAsync("2026");
        await page.GetByLabel("Título").FillAsync(Title);
        await page.GetByLabel("Resumo").FillAsync(
            "Pesquisadores encontraram uma instância Apache Kafka acessível pela internet sem autenticação, com o tráfego "
            + "das conversas de beneficiários com o chatbot \"Sara\" e, segundo eles, com médicos.");
        await page.GetByLabel("Sistemas afetados").FillAsync("Cluster Kafka da integração do chatbot; aplicativo do beneficiário");
        await page.GetByTestId("intake-severity").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Alta", Exact = true }).ClickAsync();
        await page.GetByTestId("intake-category-Health").ClickAsync();
        await page.GetByTestId("intake-category-ChatContent").ClickAsync();
        await page.GetByTestId("intake-subject-Beneficiaries").ClickAsync();
        await page.GetByTestId("intake-save").ClickAsync();

        // Saving writes the incident, its audit entries and its first timeline event: slow when every suite runs at once.
        await page.WaitForUrlOrCaptureAsync(DetailUrl(), "failed-reference-intake-save");
        await Expect(page.GetByTestId("incident-status")).ToHaveTextAsync("Relatado");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = Title })).ToBeVisibleAsync();
        await Expect(page.GetByText("Saúde · sensível")).ToBeVisibleAsync();
        return (await page.GetByText(ReferencePattern()).First.InnerTextAsync()).Trim();
    }

    private static async Task AddFiguresAsync(IPage page)
    {
        await AddFigureAsync(page, "Mensagens interceptadas", "140000", "Alegado");
        await AddFigureAsync(page, "Mensagens possivelmente expostas", "14000000", "Estimado");
        var figures = page.GetByTestId("key-figures");
        await Expect(figures).ToContainTextAsync("140.000 mensagens");
        await Expect(figures).ToContainTextAsync("14.000.000 mensagens");
        await Expect(figures.GetByText("Alegado", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(figures.GetByText("Estimado", new() { Exact = true })).ToBeVisibleAsync();
    }

    private static async Task AddFigureAsync(IPage page, string label, string value, string status)
    {
        await page.GetByTestId("figure-add").ClickAsync();
        var dialog = page.GetByTestId("figure-dialog");
        await Expect(dialog).ToHaveCountAsync(1); // the previous dialog has gone
        await dialog.GetByLabel("Indicador").FillAsync(label);
        await dialog.GetByTestId("figure-value").FillAsync(value);
        await dialog.GetByTestId("figure-unit").FillAsync("mensagens");
        await dialog.GetByTestId("figure-source").FillAsync("Relatório dos pesquisadores");
        await dialog.GetByLabel("Situação").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = status, Exact = true }).ClickAsync();
        // Save only once every field holds what was typed: under load a keystroke can still be on its way.
        await Expect(dialog.GetByLabel("Indicador")).ToHaveValueAsync(label);
        await page.GetByTestId("figure-save").ClickAsync();
        try
        {
            await Expect(dialog).ToBeHiddenAsync(new() { Timeout = 30_000 });
        }
        catch (PlaywrightException)
        {
            await page.ScreenshotAsync("failed-reference-figure-save");
            throw;
        }

        await Expect(page.GetByTestId("key-figures")).ToContainTextAsync(label);
    }

    private static async Task AddCoopsAsync(IPage page, params string[] codes)
    {
        await page.GetByRole(AriaRole.Tab, new() { NameRegex = CoopsTab() }).ClickAsync();
        var rows = page.GetByTestId("involvements").Locator("tbody tr");
        for (var i = 0; i < codes.Length; i++)
        {
            await page.GetByTestId("involvement-add").ClickAsync();
            var dialog = page.GetByTestId("involvement-add-dialog");
            var coop = dialog.GetByLabel("Cooperativa", new() { Exact = true });
            await page.PickAsync(coop, codes[i], new Regex($"^{codes[i]} — "));
            // Save only once the pick has landed in the field, and wait for the dialog to go before the next one.
            await Expect(coop).ToHaveValueAsync(new Regex($"^{codes[i]} — "));
            await page.GetByTestId("involvement-add-save").ClickAsync();
            await Expect(page.GetByTestId("involvement-add-save")).ToBeHiddenAsync();
            await Expect(rows).ToHaveCountAsync(i + 1);
        }

        foreach (var code in codes)
        {
            await Expect(page.GetByTestId("involvements")).ToContainTextAsync(code);
        }
    }

    private static async Task AddTimelineFactAsync(IPage page)
    {
        await page.GetByRole(AriaRole.Tab, new() { Name = "Linha do tempo" }).ClickAsync();
        await page.GetByTestId("timeline-add").ClickAsync();
        await page.GetByTestId("event-title").FillAsync("Pesquisadores notificam a federação sobre a instância exposta");
        await page.GetByTestId("event-precision").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Dia", Exact = true }).ClickAsync();
        await page.GetByTestId("event-source").FillAsync("E-mail dos pesquisadores");
        await page.GetByTestId("event-save").ClickAsync();
        await Expect(page.GetByTestId("timeline")).ToContainTextAsync("Pesquisadores notificam a federação sobre a instância exposta");
    }

    /// <summary>Ours is listed; the seeded reference incident also mentions Kafka but is under investigation, so it is not.</summary>
    private static async Task ExpectOnlyReportedKafkaIncidentsAsync(IPage page, string reference)
    {
        var grid = page.GetByTestId("incident-grid");
        await Expect(grid.GetByRole(AriaRole.Link, new() { Name = reference, Exact = true })).ToBeVisibleAsync();
        await Expect(grid.GetByRole(AriaRole.Link, new() { Name = ReferenceIncidentSeed.Reference, Exact = true })).ToHaveCountAsync(0);
        var statuses = await grid.GetByTestId("incident-status-badge").AllInnerTextsAsync();
        Assert.All(statuses, status => Assert.Equal("Relatado", status.Trim()));
        await Expect(page.Locator(".mud-input-control:has([data-testid=incident-status-filter]) input:not([type=hidden])").First)
            .ToHaveValueAsync("Relatado");
    }

    [GeneratedRegex(@"/incidents/\d+$")]
    private static partial Regex DetailUrl();

    [GeneratedRegex(@"^INC-\d{4}-\d{4}$")]
    private static partial Regex ReferencePattern();

    [GeneratedRegex(@"/incidents\?q=Kafka&status=Reported$")]
    private static partial Regex FilteredUrl();

    [GeneratedRegex(@"/incidents$")]
    private static partial Regex PlainListUrl();

    [GeneratedRegex("^Cooperativas")]
    private static partial Regex CoopsTab();
}
