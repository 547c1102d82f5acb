using System.Net;
using IncidentDesk.Testing;

namespace IncidentDesk.IntegrationTests.Operators;

/// <summary>
/// Behind nginx terminating TLS, the app must see the client's scheme and address — but only from a proxy it trusts
/// (<c>IncidentDesk:Proxy:KnownProxies</c> / <c>KnownNetworks</c>; loopback by default). The test host runs in Development,
/// where cookies follow the request's scheme, so a Secure sign-in cookie shows the request was taken as HTTPS.
/// </summary>
public sealed class ReverseProxyTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_request_forwarded_as_https_by_the_loopback_proxy_gets_a_secure_sign_in_cookie()
    {
        await using var host = new IncidentDeskHost(seedDemo: false);

        var cookie = await SignInThroughProxyAsync(host);

        Assert.Contains("; secure", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Forwarded_headers_from_a_connection_that_is_not_a_known_proxy_are_ignored()
    {
        // Only 10.0.0.5 is trusted: the test's loopback connection is then just a client claiming to be behind HTTPS.
        await using var host = new IncidentDeskHost(seedDemo: false, settings: new Dictionary<string, string?>
        {
            ["IncidentDesk:Proxy:KnownProxies:0"] = "10.0.0.5",
        });

        var cookie = await SignInThroughProxyAsync(host);

        Assert.DoesNotContain("secure", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Sign_in_rate_limits_count_each_forwarded_client_address_not_the_proxy()
    {
        await using var host = new IncidentDeskHost(seedDemo: false, settings: new Dictionary<string, string?>
        {
            ["IncidentDesk:RateLimits:AccountPerMinute"] = "2",
        });
        using var guesser = ClientBehindProxy(host, "203.0.113.10");
        using var colleague = ClientBehindProxy(host, "203.0.113.20");

        var guesses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 3; attempt++)
        {
            using var response = await SignIn.PostLoginAsync(guesser, "alguem@federacao.example", "wrong-password-attempt");
            guesses.Add(response.StatusCode);
        }

        using var other = await SignIn.PostLoginAsync(colleague, "alguem@federacao.example", "wrong-password-attempt");

        // All three came through the same proxy connection; only the guessing address is refused.
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], guesses);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    private static HttpClient ClientBehindProxy(IncidentDeskHost host, string clientAddress)
    {
        var client = host.CreateBrowserClient();
        client.DefaultRequestHeaders.Add("X-Forwarded-For", clientAddress);
        return client;
    }

    /// <summary>
    /// Signs the bootstrap officer in with <c>X-Forwarded-Proto: https</c> on every request and returns the sign-in
    /// cookie's Set-Cookie header. Cookies are carried by hand: a cookie container would not send a Secure cookie back
    /// over the plain-HTTP test connection, which is exactly the hop nginx makes.
    /// </summary>
    private static async Task<string> SignInThroughProxyAsync(IncidentDeskHost host)
    {
        using var client = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false })
        {
            BaseAddress = host.Start().BaseAddress,
        };
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");

        using var form = await client.GetAsync(new Uri("account/login", UriKind.Relative), Ct);
        var html = await form.Content.ReadAsStringAsync(Ct);
        using var post = new HttpRequestMessage(HttpMethod.Post, new Uri("account/login", UriKind.Relative))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["_handler"] = "login",
                ["__RequestVerificationToken"] = SignIn.AntiforgeryToken(html),
                ["Input.Email"] = IncidentDeskHost.OfficerEmail,
                ["Input.Password"] = host.OfficerPassword,
            }),
        };
        post.Headers.Add("Cookie", string.Join("; ", SetCookies(form).Select(c => c.Split(';')[0])));

        using var response = await client.SendAsync(post, Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return Assert.Single(SetCookies(response), c => c.StartsWith("IncidentDesk.Auth=", StringComparison.Ordinal));
    }

    private static IEnumerable<string> SetCookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [];
}
