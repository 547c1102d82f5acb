using System.Text.RegularExpressions;
using IncidentDesk.Testing;
using static Microsoft.Playwright.Assertions;

namespace IncidentDesk.EndToEndTests;

public sealed partial class TwoFactorJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_new_officer_is_held_at_enrolment_scans_the_key_keeps_recovery_codes_and_reaches_the_page_asked_for()
    {
        var officer = await TestAccounts.CreateAsync(browser.Host, "PrivacyOfficer", twoFactor: false);
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/coops");
        await page.GetByLabel("E-mail").FillAsync(officer.Email);
        await page.GetByLabel("Senha").FillAsync(officer.Password);
        await page.GetByTestId("sign-in").ClickAsync();

        await Expect(page).ToHaveURLAsync(EnrolmentPage());
        await Expect(page.GetByRole(Microsoft.Playwright.AriaRole.Img, new() { Name = "Código QR para o aplicativo autenticador" })).ToBeVisibleAsync();
        await page.ScreenshotAsync("10-two-factor-enrolment");
        var key = (await page.GetByTestId("authenticator-key").InnerTextAsync()).Replace(" ", "", StringComparison.Ordinal);
        await page.GetByLabel("Código").FillAsync(Totp.Code(key));
        await page.GetByTestId("enable-2fa").ClickAsync();

        await Expect(page.GetByTestId("recovery-codes").Locator("li")).ToHaveCountAsync(10);
        await page.ScreenshotAsync("11-recovery-codes");
        await page.GetByTestId("continue").ClickAsync();
        await page.WaitUntilInteractiveAsync();
        await Expect(page.GetByTestId("coop-count")).ToHaveTextAsync("340 cooperativas");
    }

    [GeneratedRegex("/account/two-factor")]
    private static partial Regex EnrolmentPage();
}
