using System.Text.RegularExpressions;
using IncidentDesk.Data.Identity;
using IncidentDesk.Testing;
using IncidentDesk.Web.Features.Admin;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace IncidentDesk.EndToEndTests;

public sealed partial class SessionEndTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_deactivated_liaisons_open_page_loses_access_at_once()
    {
        var liaison = await TestAccounts.CreateAsync(browser.Host, "CoopLiaison", "PE-001", twoFactor: false);
        var page = await browser.NewPageAsync();
        await page.SignInAsync(liaison, "/coops");
        await Expect(page.GetByTestId("coop-count")).ToHaveTextAsync("1 cooperativa");

        var clock = System.Diagnostics.Stopwatch.StartNew();
        await using (var scope = await browser.Host.ActingAsAsync(browser.Officer))
        {
            var target = await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(liaison.Email);
            var result = await scope.ServiceProvider.GetRequiredService<UserAdministrationService>().DeactivateAsync(target!.Id, TestContext.Current.CancellationToken);
            Assert.True(result.Succeeded, string.Join(" ", result.Errors));
        }

        // No reload, no click: the open circuit is ended and the browser lands on the sign-in page, well within 5 s.
        await Expect(page).ToHaveURLAsync(SignInPage(), new() { Timeout = 5_000 });
        TestContext.Current.TestOutputHelper?.WriteLine($"deactivation → circuit closed: {clock.ElapsedMilliseconds} ms");
        await page.GetByLabel("E-mail").FillAsync(liaison.Email);
        await page.GetByLabel("Senha").FillAsync(liaison.Password);
        await page.GetByTestId("sign-in").ClickAsync();
        await Expect(page.GetByTestId("login-error")).ToHaveTextAsync("E-mail ou senha inválidos.");
    }

    [Fact]
    public async Task Signing_out_ends_the_same_session_open_in_another_window_and_its_copied_cookie()
    {
        var liaison = await TestAccounts.CreateAsync(browser.Host, "CoopLiaison", "PE-002", twoFactor: false);
        var first = await browser.NewPageAsync();
        await first.SignInAsync(liaison, "/coops");
        // The same cookie in another browser: a second window, or a copy someone took.
        var copy = await browser.NewPageAsync(await first.Context.StorageStateAsync(), 1366, 900, Microsoft.Playwright.ColorScheme.Light);
        await copy.GotoAsync("/coops");
        await copy.WaitUntilInteractiveAsync();
        await Expect(copy.GetByTestId("coop-count")).ToHaveTextAsync("1 cooperativa");

        var clock = System.Diagnostics.Stopwatch.StartNew();
        await first.GetByTestId("account-menu").ClickAsync();
        await first.GetByTestId("sign-out").ClickAsync();
        await Expect(first).ToHaveURLAsync(SignInPage());

        // The copy's open circuit ends without a click, and reloading with the copied cookie does not bring the session back.
        await Expect(copy).ToHaveURLAsync(SignInPage(), new() { Timeout = 5_000 });
        TestContext.Current.TestOutputHelper?.WriteLine($"sign-out → other circuit closed: {clock.ElapsedMilliseconds} ms");
        await copy.GotoAsync("/coops");
        await Expect(copy).ToHaveURLAsync(SignInPage());
    }

    [GeneratedRegex("/account/login")]
    private static partial Regex SignInPage();
}
