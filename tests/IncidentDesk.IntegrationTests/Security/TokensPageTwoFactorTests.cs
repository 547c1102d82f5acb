using System.Net;
using IncidentDesk.IntegrationTests.Api;
using IncidentDesk.Testing;

namespace IncidentDesk.IntegrationTests.Security;

/// <summary>
/// An officer whose tokens were made before they enrolled two-factor authentication (by an operator's <c>users token</c>,
/// or before a <c>users reset-2fa</c>) sees on the tokens page why the API refuses them and where to enrol.
/// </summary>
public sealed class TokensPageTwoFactorTests(AppFixture app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_officer_without_two_factor_sees_their_tokens_and_where_to_enrol_before_using_them()
    {
        var officer = await TestAccounts.CreateAsync(app.Host, "PrivacyOfficer", twoFactor: false);
        var token = await ApiTokens.CreateAsync(app.Host, officer);
        using var client = app.Host.CreateBrowserClient();
        (await SignIn.SignInAsync(client, officer)).Dispose();

        using var page = await client.GetAsync(new Uri("account/tokens", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync(Ct);
        Assert.Contains("data-testid=\"token-two-factor-pending\"", html, StringComparison.Ordinal);
        Assert.Contains("Autenticação em dois fatores pendente", html, StringComparison.Ordinal);
        Assert.Contains("Cadastre a autenticação em dois fatores em /account/two-factor antes de usar tokens", html, StringComparison.Ordinal);
        Assert.Contains("href=\"account/two-factor?ReturnUrl=%2Faccount%2Ftokens\"", html, StringComparison.Ordinal);
        Assert.Contains(token.Token.Prefix, html, StringComparison.Ordinal);

        // The tokens page is the only data-free page opened to them: everything else still sends them to enrol.
        using var data = await client.GetAsync(new Uri("coops", UriKind.Relative), Ct);
        Assert.Equal("/account/two-factor", new Uri(app.Host.BaseAddress, data.Headers.Location!).AbsolutePath);
    }

    [Fact]
    public async Task An_enrolled_officer_sees_no_such_notice()
    {
        var officer = await TestAccounts.CreateAsync(app.Host, "PrivacyOfficer");
        using var client = app.Host.CreateBrowserClient();
        (await SignIn.SignInAsync(client, officer)).Dispose();

        var html = await client.GetStringAsync(new Uri("account/tokens", UriKind.Relative), Ct);

        Assert.DoesNotContain("token-two-factor-pending", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"token-new\"", html, StringComparison.Ordinal);
    }
}
