using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IncidentDesk.EndToEndTests;

/// <summary>
/// A researcher reports an exposed broker from a phone, keeps the code, an officer turns the report into an incident and
/// writes back, and the researcher reads the answer by code — no account anywhere on the researcher's side.
/// </summary>
public sealed partial class OutsideReportJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_researcher_reports_by_phone_an_officer_promotes_it_and_the_researcher_reads_the_answer_by_code()
    {
        var phone = await browser.NewPageAsync(width: 390, height: 844);
        var errors = new List<string>();
        phone.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };
        await phone.GotoAsync("/report");
        await Expect(phone.GetByRole(AriaRole.Heading, new() { Name = "Relatar uma vulnerabilidade ou exposição de dados", Level = 1 })).ToBeVisibleAsync();

        await phone.GetByLabel("O que foi encontrado").FillAsync(
            "Broker MQTT sem autenticação expõe as conversas do chatbot de agendamento, com nomes e queixas de beneficiários.");
        await phone.GetByLabel("Sistema, endereço (URL) ou host afetado").FillAsync("mqtt.chatbot.exemplo.coop.br:1883");
        await phone.GetByLabel("Como você encontrou").FillAsync("Busca por serviços MQTT expostos; assinei o tópico '#' por 10 segundos.");
        await phone.GetByLabel("Sim", new() { Exact = true }).CheckAsync();
        await phone.GetByLabel("Sim, o relato, mas sem me identificar").CheckAsync();
        await phone.GetByRole(AriaRole.Textbox, new() { Name = "Nome", Exact = true }).FillAsync("Joana Pesquisadora");
        await phone.GetByRole(AriaRole.Textbox, new() { Name = "E-mail" }).FillAsync("joana@pesquisa.example");
        await phone.GetByRole(AriaRole.Checkbox, new() { Name = "Aceito ser avisado por e-mail" }).CheckAsync();

        // The proof-of-work needs nothing from the person: the status line says when it is done.
        await Expect(phone.Locator("#pow-status")).ToHaveTextAsync("Verificação concluída. Você já pode enviar.", new() { Timeout = 30_000 });
        var solveMs = await phone.Locator("form[data-pow]").GetAttributeAsync("data-pow-ms");
        await File.WriteAllTextAsync(Path.Combine(BrowserFixture.ScreenshotFolder, "pow-solve-ms.txt"), solveMs, TestContext.Current.CancellationToken);
        await phone.ScreenshotAsync("90-report-form-390");
        await phone.GetByTestId("send-report").ClickAsync();

        await Expect(phone.GetByRole(AriaRole.Heading, new() { Name = "Relato recebido" })).ToBeVisibleAsync();
        var reference = (await phone.GetByTestId("report-reference").TextContentAsync())!;
        var code = (await phone.GetByTestId("follow-up-code").TextContentAsync())!;
        Assert.Matches(ReferencePattern(), reference);
        Assert.Matches(CodePattern(), code);
        await phone.ScreenshotAsync("91-report-receipt-390");
        Assert.Empty(errors); // no script error, no content-security-policy violation

        // The officer's inbox: the report with its acknowledgement clock, then an incident made of it.
        var officer = await browser.NewOfficerPageAsync("/intake", width: 1440, height: 900);
        var row = officer.GetByRole(AriaRole.Row).Filter(new() { HasText = reference });
        await Expect(row.GetByTestId("ack-chip")).ToHaveAttributeAsync("data-clock", "OnTime");
        await row.GetByTestId("inbox-open").ClickAsync();
        await Expect(officer.GetByTestId("inbox-report-reference")).ToHaveTextAsync(reference);
        await Expect(officer.GetByTestId("inbox-report-target")).ToHaveTextAsync("mqtt.chatbot.exemplo.coop.br:1883");
        await officer.ScreenshotAsync("92-intake-inbox-1440");
        await officer.GetByTestId("triage-promote").ClickAsync();
        await officer.WaitForUrlOrCaptureAsync(IncidentUrl(), "failed-report-promote");
        await Expect(officer.GetByRole(AriaRole.Heading, new() { Name = $"Relato externo {reference}: mqtt.chatbot.exemplo.coop.br:1883" })).ToBeVisibleAsync();
        await officer.ScreenshotAsync("93-incident-from-report-1440");

        await officer.GotoAsync("/intake");
        await officer.WaitUntilInteractiveAsync();
        await officer.GetByTestId("inbox-all").ClickAsync();
        await officer.GetByRole(AriaRole.Row).Filter(new() { HasText = reference }).GetByTestId("inbox-open").ClickAsync();
        await officer.GetByLabel("Mensagem ao pesquisador").FillAsync(
            "Obrigada, Joana. Confirmamos a exposição e o broker já foi isolado. Seguimos investigando.");
        await officer.GetByTestId("triage-send").ClickAsync();
        await Expect(officer.GetByTestId("inbox-thread")).ToContainTextAsync("Confirmamos a exposição");

        // Back on the phone, the code opens the status: under investigation, with the officer's words.
        await phone.GotoAsync("/report/status");
        await phone.GetByLabel("Código de acompanhamento").FillAsync(code);
        await phone.GetByTestId("open-status").ClickAsync();
        await Expect(phone.GetByTestId("status-reference")).ToHaveTextAsync(reference);
        await Expect(phone.GetByTestId("status-state")).ToHaveTextAsync("Em investigação");
        await Expect(phone.GetByTestId("status-thread")).ToContainTextAsync("Confirmamos a exposição e o broker já foi isolado.");
        await phone.ScreenshotAsync("94-report-status-390");
    }

    [Fact]
    public async Task The_public_pages_and_the_inbox_read_well_at_both_widths()
    {
        var wide = await browser.NewPageAsync(width: 1440, height: 900);
        await wide.GotoAsync("/report");
        await Expect(wide.GetByTestId("send-report")).ToBeVisibleAsync();
        await wide.ScreenshotAsync("95-report-form-1440");
        await wide.GotoAsync("/disclosure");
        await Expect(wide.GetByTestId("safe-harbour")).ToBeVisibleAsync();
        await wide.ScreenshotAsync("96-disclosure-1440");

        var narrow = await browser.NewPageAsync(width: 390, height: 844);
        await narrow.GotoAsync("/disclosure");
        await Expect(narrow.GetByTestId("safe-harbour")).ToBeVisibleAsync();
        await narrow.ScreenshotAsync("97-disclosure-390");

        var officer = await browser.NewOfficerPageAsync("/intake", width: 390, height: 844);
        await Expect(officer.Locator("[data-testid=inbox-table], [data-testid=inbox-empty]").First).ToBeVisibleAsync();
        await officer.ScreenshotAsync("98-intake-inbox-390");
    }

    [GeneratedRegex(@"^RPT-\d{4}-\d{4}$")]
    private static partial Regex ReferencePattern();

    [GeneratedRegex("^([A-Z2-9]{4}-){7}[A-Z2-9]{4}$")]
    private static partial Regex CodePattern();

    [GeneratedRegex(@"/incidents/\d+$")]
    private static partial Regex IncidentUrl();
}
