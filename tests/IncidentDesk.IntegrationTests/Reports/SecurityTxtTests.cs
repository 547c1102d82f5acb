using System.Globalization;
using System.Net;
using IncidentDesk.Testing;

namespace IncidentDesk.IntegrationTests.Reports;

/// <summary>RFC 9116's file and the headers of the public pages, on a host with the public address configured.</summary>
public sealed class SecurityTxtTests(AppFixture app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Security_txt_names_the_form_the_email_the_policy_the_languages_and_itself_and_expires_within_a_year()
    {
        await using var host = new IncidentDeskHost(settings: new Dictionary<string, string?>
        {
            ["IncidentDesk:Disclosure:PublicBaseUrl"] = "https://desk.federacao.example",
            ["IncidentDesk:Disclosure:ContactEmail"] = "seguranca@federacao.example",
            ["IncidentDesk:Disclosure:ExpiresInDays"] = "5000",
        });
        using var client = host.CreateBrowserClient();

        using var response = await client.GetAsync(new Uri(".well-known/security.txt", UriKind.Relative), Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("Contact: https://desk.federacao.example/report", lines);
        Assert.Contains("Contact: mailto:seguranca@federacao.example", lines);
        Assert.Contains("Policy: https://desk.federacao.example/disclosure", lines);
        Assert.Contains("Preferred-Languages: pt, en", lines);
        Assert.Contains("Canonical: https://desk.federacao.example/.well-known/security.txt", lines);
        var expires = DateTimeOffset.Parse(Assert.Single(lines, l => l.StartsWith("Expires: ", StringComparison.Ordinal))[9..], CultureInfo.InvariantCulture);
        // A configured 5000 days is held under a year: the file is never announced valid for longer.
        Assert.InRange(expires, DateTimeOffset.UtcNow.AddDays(300), DateTimeOffset.UtcNow.AddDays(365));
    }

    [Fact]
    public async Task Expires_is_computed_from_the_clock_180_days_ahead_by_default()
    {
        using var client = app.Host.CreateBrowserClient();

        var text = await client.GetStringAsync(new Uri(".well-known/security.txt", UriKind.Relative), Ct);

        var expires = DateTimeOffset.Parse(text.Split('\n').Single(l => l.StartsWith("Expires: ", StringComparison.Ordinal))[9..], CultureInfo.InvariantCulture);
        Assert.InRange(expires, DateTimeOffset.UtcNow.AddDays(179), DateTimeOffset.UtcNow.AddDays(181));
        Assert.DoesNotContain("mailto:", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("report")]
    [InlineData("report/status")]
    [InlineData("disclosure")]
    public async Task The_public_pages_are_plain_html_with_a_strict_policy_no_cache_and_no_circuit(string path)
    {
        using var client = app.Host.CreateBrowserClient();

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.True(response.Headers.CacheControl?.NoStore);
        Assert.DoesNotContain("Blazor:{\"type\":\"server\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain(" style=\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("IncidentDesk.Auth", string.Join(";", response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : []), StringComparison.Ordinal);
    }
}
