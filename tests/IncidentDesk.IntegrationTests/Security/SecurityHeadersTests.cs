using IncidentDesk.Testing;

namespace IncidentDesk.IntegrationTests.Security;

public sealed class SecurityHeadersTests(AppFixture app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("account/login")]
    [InlineData("health")]
    public async Task Responses_carry_a_strict_content_security_policy_and_hardening_headers(string path)
    {
        using var client = app.Host.CreateBrowserClient();

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), Ct);

        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("frame-ancestors 'self'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }

    [Fact]
    public async Task Session_and_antiforgery_cookies_are_http_only_and_same_site_strict()
    {
        var liaison = await TestAccounts.CreateAsync(app.Host, "CoopLiaison", "BA-004", twoFactor: false);
        using var client = app.Host.CreateBrowserClient();
        using var form = await client.GetAsync(new Uri("account/login", UriKind.Relative), Ct);
        using var login = await SignIn.SignInAsync(client, liaison);

        var cookies = form.Headers.GetValues("Set-Cookie").Concat(login.Headers.GetValues("Set-Cookie")).ToList();

        var session = Assert.Single(cookies, c => c.StartsWith("IncidentDesk.Auth=", StringComparison.Ordinal));
        var antiforgery = Assert.Single(cookies, c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
        foreach (var cookie in new[] { session, antiforgery })
        {
            Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        }
    }
}
