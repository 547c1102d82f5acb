using System.Net;
using IncidentDesk.Testing;

namespace IncidentDesk.IntegrationTests.Security;

/// <summary>
/// In Production, behind the proxy that terminates TLS: HSTS for a year with subdomains, no Server banner, and every cookie
/// the desk sets — antiforgery, session, the culture choice — Secure.
/// </summary>
public sealed class ProductionCookiesAndHstsTests : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly IncidentDeskHost _host = new(seedDemo: false, settings: new Dictionary<string, string?> { ["environment"] = "Production" });

    public ValueTask InitializeAsync()
    {
        _host.Start();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    /// <summary>A client as the proxy forwards it: HTTPS said by X-Forwarded-Proto, the site's public name as Host; cookies by hand.</summary>
    private HttpClient Client()
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = _host.BaseAddress };
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        client.DefaultRequestHeaders.Host = "desk.federacao.example";
        return client;
    }

    [Fact]
    public async Task Hsts_lasts_a_year_with_subdomains_and_no_server_banner_is_sent()
    {
        using var client = Client();

        using var response = await client.GetAsync(new Uri("account/login", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("max-age=31536000; includeSubDomains", Assert.Single(response.Headers.GetValues("Strict-Transport-Security")));
        Assert.Empty(response.Headers.Server);
    }

    [Fact]
    public async Task Every_cookie_the_desk_sets_is_secure()
    {
        using var client = Client();
        using var form = await client.GetAsync(new Uri("account/login", UriKind.Relative), Ct);
        var html = await form.Content.ReadAsStringAsync(Ct);
        var cookies = form.Headers.GetValues("Set-Cookie").ToList();
        using var post = new HttpRequestMessage(HttpMethod.Post, new Uri("account/login", UriKind.Relative))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["_handler"] = "login",
                ["__RequestVerificationToken"] = SignIn.AntiforgeryToken(html),
                ["Input.Email"] = IncidentDeskHost.OfficerEmail,
                ["Input.Password"] = _host.OfficerPassword,
            }),
        };
        post.Headers.Add("Cookie", string.Join("; ", cookies.Select(c => c.Split(';')[0])));
        using var signIn = await client.SendAsync(post, Ct);
        using var culture = await client.GetAsync(new Uri("preferences/culture?culture=en-US&returnUrl=%2F", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        cookies.AddRange(signIn.Headers.GetValues("Set-Cookie"));
        cookies.AddRange(culture.Headers.GetValues("Set-Cookie"));
        Assert.Contains(cookies, c => c.StartsWith("IncidentDesk.Auth=", StringComparison.Ordinal));
        Assert.Contains(cookies, c => c.StartsWith(".AspNetCore.Culture=", StringComparison.Ordinal));
        Assert.All(cookies, c => Assert.Contains("; secure", c, StringComparison.OrdinalIgnoreCase));
    }
}
