using IncidentDesk.Data.Audit;
using System.Text.RegularExpressions;
using IncidentDesk.Data.Identity;
using IncidentDesk.Testing;
using IncidentDesk.Web.Features.Audit;
using IncidentDesk.Web.Features.Tokens;
using IncidentDesk.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IncidentDesk.EndToEndTests;

/// <summary>Where a newcomer trips in the first hour: the page says what is wrong and what to do, in their language.</summary>
public sealed partial class FirstHourJourneyTests(BrowserFixture browser)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_officer_whose_token_came_before_two_factor_sees_why_on_the_tokens_page_and_goes_to_enrol()
    {
        var officer = await TestAccounts.CreateAsync(browser.Host, AppRoles.PrivacyOfficer, twoFactor: false, displayName: "Carla Nogueira");
        await using (var scope = browser.Host.Services.CreateAsyncScope())
        {
            // What an operator's `users token --allow-before-2fa` makes.
            var user = await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(officer.Email);
            await scope.ServiceProvider.GetRequiredService<PersonalAccessTokenService>()
                .CreateForUserAsync(user!.Id, "integração do SIEM", 30, new AuditActor(null, "cli:operador"), Ct);
        }

        var page = await browser.NewPageAsync();
        await page.GotoAsync("/account/tokens");
        await page.GetByLabel("E-mail").FillAsync(officer.Email);
        await page.GetByLabel("Senha").FillAsync(officer.Password);
        await page.GetByTestId("sign-in").ClickAsync();
        // No live circuit before the enrolment: the page is plain HTML for them, the notice and the link work without one.
        await Expect(page).ToHaveURLAsync(TokensPage());

        var notice = page.GetByTestId("token-two-factor-pending");
        await Expect(notice).ToContainTextAsync("Autenticação em dois fatores pendente");
        await Expect(notice).ToContainTextAsync("Cadastre a autenticação em dois fatores em /account/two-factor antes de usar tokens");
        await Expect(page.GetByTestId("token-table")).ToContainTextAsync("integração do SIEM");
        await Expect(page.GetByTestId("token-new")).ToBeDisabledAsync();
        await Expect(page.GetByTestId("token-revoke")).ToHaveCountAsync(0);
        await page.ScreenshotAsync("96-tokens-before-two-factor");
        await page.SetViewportSizeAsync(390, 844);
        await page.ScreenshotAsync("96-tokens-before-two-factor-phone");

        await page.GetByTestId("token-enrol").ClickAsync();
        await Expect(page).ToHaveURLAsync(TwoFactorPage());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Production_over_plain_http_shows_a_page_that_says_how_to_fix_it_in_portuguese_or_english()
    {
        await using var production = new IncidentDeskHost(seedDemo: false,
            settings: new Dictionary<string, string?> { ["environment"] = "Production" });
        production.Start();
        var page = await browser.NewPageAsync(host: production);

        var response = await page.GotoAsync("/account/login");

        Assert.Equal(403, response!.Status);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Esta conexão não usa HTTPS");
        await Expect(page.Locator("main")).ToContainTextAsync("X-Forwarded-Proto: https");
        await Expect(page.Locator("main")).ToContainTextAsync("Kestrel__Certificates__Default__Path");
        await page.ScreenshotAsync("97-plain-http-in-production");
        await page.SetViewportSizeAsync(390, 844);
        await page.ScreenshotAsync("97-plain-http-in-production-phone");

        await page.Context.AddCookiesAsync([new Cookie
        {
            Name = ".AspNetCore.Culture", Value = "c%3Den-US%7Cuic%3Den-US", Url = production.BaseAddress.ToString(),
        }]);
        await page.ReloadAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("This connection does not use HTTPS");
        await page.ScreenshotAsync("97-plain-http-in-production-en");
    }

    [GeneratedRegex("/account/tokens$")]
    private static partial Regex TokensPage();

    [GeneratedRegex("/account/two-factor")]
    private static partial Regex TwoFactorPage();
}
