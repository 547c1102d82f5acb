using System.Net;
using System.Text.RegularExpressions;
using IncidentDesk.Data.Identity;
using IncidentDesk.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentDesk.IntegrationTests.Security;

public sealed partial class TwoFactorEnrolmentTests(AppFixture app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Officer_enrols_with_the_shown_key_gets_recovery_codes_and_then_reaches_the_data()
    {
        var officer = await TestAccounts.CreateAsync(app.Host, "PrivacyOfficer", twoFactor: false);
        using var client = app.Host.CreateBrowserClient();
        using var login = await SignIn.SignInAsync(client, officer);
        using var blocked = await client.GetAsync(new Uri("coops", UriKind.Relative), Ct);
        Assert.Equal("/account/two-factor", new Uri(app.Host.BaseAddress, blocked.Headers.Location!).AbsolutePath);

        var page = await client.GetStringAsync(new Uri("account/two-factor?ReturnUrl=%2Fcoops", UriKind.Relative), Ct);
        var key = ShownKey().Match(page).Groups[1].Value.Replace(" ", "", StringComparison.Ordinal);
        Assert.Contains("data:image/png;base64,", page, StringComparison.Ordinal);
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "two-factor",
            ["__RequestVerificationToken"] = SignIn.AntiforgeryToken(page),
            ["Input.Code"] = Totp.Code(key),
        });
        using var enrolled = await client.PostAsync(new Uri("account/two-factor?ReturnUrl=%2Fcoops", UriKind.Relative), content, Ct);
        var codes = RecoveryCode().Matches(await enrolled.Content.ReadAsStringAsync(Ct));
        using var data = await client.GetAsync(new Uri("coops", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.OK, enrolled.StatusCode);
        Assert.Equal(10, codes.Count);
        Assert.Equal(HttpStatusCode.OK, data.StatusCode);
    }

    [Fact]
    public async Task A_recovery_code_signs_in_once()
    {
        var officer = await TestAccounts.CreateAsync(app.Host, "PrivacyOfficer");
        string code;
        await using (var scope = await app.Host.ActingAsAsync(officer))
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = (await users.FindByEmailAsync(officer.Email))!;
            code = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 1))!.Single();
        }

        using var first = await UseCodeAsync(officer, code);
        using var second = await UseCodeAsync(officer, code);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode); // refused: the form again, with the error
        Assert.Contains("Código inválido", await second.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    private async Task<HttpResponseMessage> UseCodeAsync(TestAccount account, string code)
    {
        using var client = app.Host.CreateBrowserClient();
        using var login = await SignIn.PostLoginAsync(client, account.Email, account.Password);
        var page = await client.GetStringAsync(login.Headers.Location!, Ct);
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login-2fa",
            ["__RequestVerificationToken"] = SignIn.AntiforgeryToken(page),
            ["Input.Code"] = code,
        });
        return await client.PostAsync(login.Headers.Location!, content, Ct);
    }

    [GeneratedRegex("data-testid=\"authenticator-key\">([a-z0-9 ]+)<")]
    private static partial Regex ShownKey();

    [GeneratedRegex("<li class=\"mono\">[A-Z0-9]{5}-[A-Z0-9]{5}</li>")]
    private static partial Regex RecoveryCode();
}
