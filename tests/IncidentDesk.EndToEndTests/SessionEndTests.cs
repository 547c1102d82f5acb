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

        await using (var scope = await browser.Host.ActingAsAsync(browser.Officer))
        {
            var target = await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(liaison.Email);
            var result = await scope.ServiceProvider.GetRequiredService<UserAdministrationService>().DeactivateAsync(target!.Id, TestContext.Current.CancellationToken);
            Assert.True(result.Succeeded, string.Join(" ", result.Errors));
        }

        // No reload, no click: the open circuit is ended and the browser lands on the sign-in page.
        await Expect(page).ToHaveURLAsync(SignInPage());
        await page.GetByLabel("E-mail").FillAsync(liaison.Email);
        await page.GetByLabel("Senha").FillAsync(liaison.Password);
        await page.GetByTestId("sign-in").ClickAsync();
        await Expect(page.GetByTestId("login-error")).ToHaveTextAsync("E-mail ou senha inválidos.");
    }

    [GeneratedRegex("/account/login")]
    private static partial Regex SignInPage();
}
