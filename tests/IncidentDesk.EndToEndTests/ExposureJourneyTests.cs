using System.Globalization;
using IncidentDesk.Testing;
using IncidentDesk.Testing.Kafka;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IncidentDesk.EndToEndTests;

/// <summary>
/// Exposure watch as people use it: a co-op's liaison declares their internet-facing Kafka broker and authorizes the
/// federation to check it; an officer checks it; the broker answers without credentials (librdkafka's mock broker on
/// loopback), and the finding shows on the dashboard and as the co-op's task.
/// </summary>
public sealed class ExposureJourneyTests(BrowserFixture browser)
{
    private const string Coop = "PI-001";

    [Fact]
    public async Task A_liaison_declares_and_authorizes_a_broker_an_officer_checks_it_and_the_finding_becomes_the_coops_task()
    {
        using var broker = MockKafkaCluster.Start();
        foreach (var topic in new[] { "chatbot.conversas", "chatbot.anexos", "beneficiarios.cadastro" })
        {
            broker.CreateTopic(topic);
        }

        var port = broker.Broker(1).Port.ToString(CultureInfo.InvariantCulture);
        var address = $"127.0.0.1:{port}";
        var liaisonAccount = await TestAccounts.CreateAsync(browser.Host, "CoopLiaison", Coop, twoFactor: false, displayName: "Lívia Araújo");

        // The liaison declares the broker and, having read what the check does, authorizes it.
        var liaison = await browser.NewPageAsync();
        await liaison.SignInAsync(liaisonAccount);
        await liaison.GetByRole(AriaRole.Link, new() { Name = "Vigilância de exposição" }).ClickAsync();
        await Expect(liaison.GetByTestId("exposure-empty")).ToContainTextAsync("Sua cooperativa ainda não declarou");
        await liaison.GetByTestId("exposure-declare").ClickAsync();
        var dialog = liaison.Locator(".mud-dialog");
        await dialog.GetByLabel("Host (nome ou IP)").FillAsync("http://127.0.0.1");
        await dialog.GetByLabel("Porta").FillAsync(port);
        await dialog.GetByTestId("declare-save").ClickAsync();
        await Expect(dialog).ToContainTextAsync("Informe só o nome ou o IP");
        await liaison.ScreenshotAsync("110-liaison-declares-a-broker-error");
        await dialog.GetByLabel("Host (nome ou IP)").FillAsync("127.0.0.1");
        await dialog.GetByText("A cooperativa autoriza a federação a verificar este endpoint").ClickAsync();
        await dialog.GetByTestId("declare-save").ClickAsync();
        var liaisonRow = liaison.GetByTestId("exposure-grid").Locator("tr", new() { HasText = address });
        await Expect(liaisonRow.GetByTestId("endpoint-authorized")).ToContainTextAsync("Autorizado em");
        await Expect(liaisonRow.GetByTestId("endpoint-authorized")).ToContainTextAsync(liaisonAccount.Email);
        await Expect(liaisonRow.GetByTestId("exposure-state")).ToHaveTextAsync("Ainda não verificado");
        await liaison.ScreenshotAsync("111-liaison-declared-and-authorized");

        // The officer checks it now.
        var officer = await browser.NewOfficerPageAsync($"/exposure?coop={Coop}");
        var officerRow = officer.GetByTestId("exposure-grid").Locator("tr", new() { HasText = address });
        await officerRow.GetByTestId("endpoint-check-now").ClickAsync();
        await Expect(officerRow.GetByTestId("exposure-state")).ToHaveTextAsync("Exposto");
        await Expect(officerRow.GetByTestId("endpoint-last-check")).ToContainTextAsync("3 tópicos");
        await Expect(officerRow.GetByTestId("endpoint-task-open")).ToBeVisibleAsync();
        await Expect(officer.GetByTestId("exposure-run").First).ToContainTextAsync("Concluída");
        await officer.ScreenshotAsync("112-officer-finds-the-broker-exposed");

        // The list on screen, as a file: the filter the officer typed, the state and topic count the desk found.
        var download = await officer.RunAndWaitForDownloadAsync(() => officer.GetByTestId("exposure-export").ClickAsync());
        Assert.Equal("vigilancia-exposicao.csv", download.SuggestedFilename);
        var csv = await File.ReadAllTextAsync((await download.PathAsync())!, TestContext.Current.CancellationToken);
        var line = Assert.Single(csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1));
        Assert.StartsWith($"\"{Coop}\";\"127.0.0.1\";\"{port}\";\"kafka\"", line, StringComparison.Ordinal);
        Assert.Contains("\"Exposed\"", line, StringComparison.Ordinal);

        await officerRow.GetByTestId("endpoint-history").ClickAsync();
        var history = officer.Locator(".mud-dialog");
        await history.Locator("summary").First.ClickAsync();
        await Expect(history).ToContainTextAsync("chatbot.conversas");
        await Expect(history).ToContainTextAsync("respondeu sem credenciais e listou os tópicos");
        await officer.ScreenshotAsync("113-officer-endpoint-history");

        // The dashboard counts it among the brokers exposed now.
        await officer.GotoAsync("/");
        await officer.WaitUntilInteractiveAsync();
        var exposed = officer.GetByTestId("exposure-card-exposed");
        await Expect(exposed).ToContainTextAsync("expostos agora");
        Assert.True(int.Parse((await exposed.Locator(".exposure-figure-value").InnerTextAsync()).Trim(), NumberStyles.Number, CultureInfo.GetCultureInfo("pt-BR")) >= 1);
        await officer.ScreenshotAsync("114-officer-dashboard-exposure-card");

        // And it is the co-op's task, due the next business day, on a phone.
        var phone = await browser.NewPageAsync(width: 390, height: 844);
        await phone.SignInAsync(liaisonAccount, "/my-tasks");
        var task = phone.GetByTestId("task-card").Filter(new() { HasText = $"Fechar o broker exposto {address}" });
        await Expect(task).ToBeVisibleAsync();
        await Expect(task).ToContainTextAsync("listando 3 tópicos");
        await phone.ScreenshotAsync("115-liaison-task-close-the-broker-phone");

        // Closing it is refused while the desk still sees the broker open.
        await task.GetByTestId("task-update").ClickAsync();
        await phone.GetByTestId("task-status-select").ClickAsync();
        await phone.GetByRole(AriaRole.Option, new() { Name = "Concluída" }).ClickAsync();
        // The choice reaches the server before the save does (a StatusOnly task shows nothing else that would wait for it).
        await Expect(phone.GetByRole(AriaRole.Combobox, new() { Name = "Situação" })).ToContainTextAsync("Concluída");
        await phone.GetByTestId("task-save").ClickAsync();
        await Expect(phone.GetByTestId("task-error")).ToContainTextAsync("ainda encontrou o broker aberto");
        await phone.ScreenshotAsync("116-liaison-done-refused-while-exposed-phone");
        Assert.False(await OverflowsAsync(phone));

        // On the same phone, their co-op's list says what the desk found.
        await phone.GetByRole(AriaRole.Button, new() { Name = "Cancelar" }).ClickAsync();
        await phone.GotoAsync("/exposure");
        await phone.WaitUntilInteractiveAsync();
        await Expect(phone.GetByTestId("exposure-state").First).ToHaveTextAsync("Exposto");
        await Expect(phone.GetByTestId("endpoint-task-open").First).ToBeVisibleAsync();
        await phone.ScreenshotAsync("117-liaison-exposure-list-phone");
        Assert.False(await OverflowsAsync(phone));
    }

    /// <summary>Whether the page is wider than the phone (it must never scroll sideways).</summary>
    private static Task<bool> OverflowsAsync(IPage page) =>
        page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
}
