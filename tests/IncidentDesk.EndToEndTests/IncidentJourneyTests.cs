using IncidentDesk.Data.Seeding;
using IncidentDesk.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IncidentDesk.EndToEndTests;

public sealed class IncidentJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task Officer_opens_the_reference_incident_and_reads_figures_with_provenance_and_the_timeline()
    {
        var page = await browser.NewOfficerPageAsync();
        await page.ScreenshotAsync("04-dashboard");

        await page.GetByRole(AriaRole.Link, new() { Name = "Incidentes" }).First.ClickAsync();
        // The dashboard links the reference incident too (deadlines, activity): wait for the list before picking it.
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/incidents$"));
        await Expect(page.GetByTestId("next-deadlines")).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Link, new() { Name = ReferenceIncidentSeed.Reference }).ClickAsync();

        var figures = page.GetByTestId("key-figures");
        await Expect(figures).ToContainTextAsync("140.000 mensagens");
        await Expect(figures).ToContainTextAsync("14.000.000 mensagens");
        await Expect(figures.GetByText("Alegado", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(figures.GetByText("Contestado", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByText("Saúde · sensível")).ToBeVisibleAsync();
        await page.ScreenshotAsync("05-incident-overview");

        await page.GetByRole(AriaRole.Tab, new() { Name = "Linha do tempo" }).ClickAsync();
        var events = page.GetByTestId("timeline-event");
        await Expect(events.First).ToContainTextAsync("março de 2026");
        await Expect(events.First).ToContainTextAsync("data aproximada (mês)");
        await Expect(page.GetByTestId("timeline")).ToContainTextAsync("Instância exposta é fechada");
        await page.ScreenshotAsync("06-incident-timeline");
    }

    [Fact]
    public async Task Phone_width_keeps_the_incident_readable()
    {
        var page = await browser.NewOfficerPageAsync("/incidents", width: 390, height: 844);

        await page.GetByRole(AriaRole.Link, new() { Name = ReferenceIncidentSeed.Reference }).ClickAsync();

        await Expect(page.GetByTestId("incident-status")).ToHaveTextAsync("Em investigação");
        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
        Assert.False(overflow, "the page scrolls sideways on a phone");
        await page.ScreenshotAsync("07-phone-incident");
    }

    [Fact]
    public async Task English_and_dark_theme_are_remembered_for_the_user()
    {
        // Its own account: the choices it makes must not leak into the other tests' sessions.
        var officer = await TestAccounts.CreateAsync(browser.Host, "PrivacyOfficer", displayName: "Carla Menezes");
        var page = await browser.NewPageAsync();
        await page.SignInAsync(officer, "/incidents");

        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "pt-BR");
        await page.GetByTestId("theme-toggle").ClickAsync();
        await Expect(page.GetByTestId("theme-toggle")).ToHaveAttributeAsync("aria-label", "Tema claro");
        await page.GetByTestId("culture-menu").ClickAsync();
        await page.GetByRole(AriaRole.Menuitem, new() { Name = "English (US)" }).ClickAsync();
        await page.WaitUntilInteractiveAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Incidents", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en-US");
        await page.ReloadAsync();
        await page.WaitUntilInteractiveAsync();
        await Expect(page.GetByTestId("theme-toggle")).ToHaveAttributeAsync("aria-label", "Light theme");
        await page.ScreenshotAsync("08-english-dark");
    }
}
