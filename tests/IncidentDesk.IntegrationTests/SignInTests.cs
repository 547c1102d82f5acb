using System.Net;
using IncidentDesk.Testing;

namespace IncidentDesk.IntegrationTests;

public sealed class SignInTests(AppFixture app)
{
    [Fact]
    public async Task Officer_with_two_factor_signs_in_with_the_code_and_reaches_the_coop_directory()
    {
        var officer = await TestAccounts.CreateAsync(app.Host, "PrivacyOfficer");
        using var client = app.Host.CreateBrowserClient();
        var ct = TestContext.Current.CancellationToken;

        using var login = await SignIn.SignInAsync(client, officer, "/coops");

        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal(new Uri(app.Host.BaseAddress, "/coops"), new Uri(app.Host.BaseAddress, login.Headers.Location!));
        using var page = await client.GetAsync(new Uri("coops", UriKind.Relative), ct);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Cooperativas", await page.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Officer_without_two_factor_reaches_no_data_page_until_enrolled()
    {
        var officer = await TestAccounts.CreateAsync(app.Host, "PrivacyOfficer", twoFactor: false);
        using var client = app.Host.CreateBrowserClient();
        var ct = TestContext.Current.CancellationToken;
        using var login = await SignIn.SignInAsync(client, officer);

        foreach (var path in new[] { "", "coops", "incidents/1" })
        {
            using var page = await client.GetAsync(new Uri(path, UriKind.Relative), ct);
            Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
            Assert.Equal("/account/two-factor", new Uri(app.Host.BaseAddress, page.Headers.Location!).AbsolutePath);
        }

        using var enrol = await client.GetAsync(new Uri("account/two-factor", UriKind.Relative), ct);
        Assert.Equal(HttpStatusCode.OK, enrol.StatusCode);
        Assert.Contains("data-testid=\"authenticator-key\"", await enrol.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Liaison_without_two_factor_may_work()
    {
        var liaison = await TestAccounts.CreateAsync(app.Host, "CoopLiaison", "SP-004", twoFactor: false);
        using var client = app.Host.CreateBrowserClient();
        using var login = await SignIn.SignInAsync(client, liaison);

        using var page = await client.GetAsync(new Uri("incidents", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Fact]
    public async Task Wrong_authenticator_code_is_refused()
    {
        var officer = await TestAccounts.CreateAsync(app.Host, "PrivacyOfficer");
        using var client = app.Host.CreateBrowserClient();
        var ct = TestContext.Current.CancellationToken;
        using var login = await SignIn.PostLoginAsync(client, officer.Email, officer.Password);
        var page = await client.GetStringAsync(login.Headers.Location!, ct);

        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login-2fa",
            ["__RequestVerificationToken"] = SignIn.AntiforgeryToken(page),
            ["Input.Code"] = Totp.Code(officer.AuthenticatorKey!, DateTimeOffset.UtcNow.AddHours(-1)),
        });
        using var response = await client.PostAsync(login.Headers.Location!, content, ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(ct);
        Assert.Contains("Código inválido", html, StringComparison.Ordinal);
        Assert.Contains("aria-describedby=\"code-error code-hint\"", Input(html, "code"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_password_shows_one_neutral_message_in_portuguese()
    {
        using var client = app.Host.CreateBrowserClient();

        using var response = await SignIn.PostLoginAsync(client, IncidentDeskHost.OfficerEmail, "not-the-password-at-all");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("E-mail ou senha inválidos.", html, StringComparison.Ordinal);
        // A screen reader hears the refusal with the fields themselves.
        Assert.Contains("id=\"login-error\"", html, StringComparison.Ordinal);
        foreach (var field in (string[])["email", "password"])
        {
            Assert.Contains("aria-describedby=\"login-error\"", Input(html, field), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("//evil.example/phish")]
    [InlineData("https://evil.example/")]
    [InlineData("/\\evil.example")]
    public async Task Sign_in_never_redirects_off_site(string returnUrl)
    {
        using var client = app.Host.CreateBrowserClient();

        using var response = await SignIn.PostLoginAsync(client, IncidentDeskHost.OfficerEmail, app.Host.OfficerPassword, returnUrl);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(new Uri(app.Host.BaseAddress, "/"), new Uri(app.Host.BaseAddress, response.Headers.Location!));
    }

    [Fact]
    public async Task Language_switch_serves_english_after_the_choice()
    {
        using var client = app.Host.CreateBrowserClient();
        var ct = TestContext.Current.CancellationToken;

        using var switched = await client.GetAsync(new Uri("preferences/culture?culture=en-US&returnUrl=%2Faccount%2Flogin", UriKind.Relative), ct);
        var page = await client.GetStringAsync(new Uri("account/login", UriKind.Relative), ct);

        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Contains("<h1>Sign in</h1>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Portuguese_is_the_default_whatever_the_browser_asks()
    {
        using var client = app.Host.CreateBrowserClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-US,en;q=0.9");

        var page = await client.GetStringAsync(new Uri("account/login", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Contains("<h1>Entrar</h1>", page, StringComparison.Ordinal);
        Assert.Contains("lang=\"pt-BR\"", page, StringComparison.Ordinal);
    }

    /// <summary>The markup of the form's input with this id.</summary>
    private static string Input(string html, string id) =>
        System.Text.RegularExpressions.Regex.Match(html, $"<input[^>]*\\bid=\"{id}\"[^>]*>").Value is { Length: > 0 } input
            ? input
            : throw new Xunit.Sdk.XunitException($"No input with id {id}.");
}
