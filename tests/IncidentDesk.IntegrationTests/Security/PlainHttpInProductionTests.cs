using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IncidentDesk.Testing;

namespace IncidentDesk.IntegrationTests.Security;

/// <summary>
/// In Production every cookie is Secure, so nobody can sign in over plain HTTP. Whoever opens the desk that way (an
/// operator trying a fresh install, a proxy that does not say the request came over HTTPS) gets a page that says what is
/// wrong and how to fix it, in their language — not the generic error page. Health probes keep answering on plain HTTP.
/// </summary>
public sealed class PlainHttpInProductionTests : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly IncidentDeskHost _host = new(seedDemo: false, settings: new Dictionary<string, string?> { ["environment"] = "Production" });

    public ValueTask InitializeAsync()
    {
        _host.Start();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private HttpClient Client() => new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = _host.BaseAddress };

    [Fact]
    public async Task The_sign_in_page_over_plain_http_is_a_403_page_in_portuguese_naming_both_fixes()
    {
        using var client = Client();

        using var response = await client.GetAsync(new Uri("account/login", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("<html lang=\"pt-BR\">", html, StringComparison.Ordinal);
        Assert.Contains("O IncidentDesk só funciona por HTTPS", html, StringComparison.Ordinal);
        Assert.Contains("X-Forwarded-Proto: https", html, StringComparison.Ordinal);
        Assert.Contains("IncidentDesk:Proxy:KnownProxies", html, StringComparison.Ordinal);
        Assert.Contains("Kestrel__Certificates__Default__Path", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Algo deu errado", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_page_is_in_english_when_the_culture_cookie_says_so()
    {
        using var client = Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("account/login", UriKind.Relative));
        request.Headers.Add("Cookie", ".AspNetCore.Culture=c%3Den-US%7Cuic%3Den-US");

        using var response = await client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("<html lang=\"en-US\">", html, StringComparison.Ordinal);
        Assert.Contains("IncidentDesk works only over HTTPS", html, StringComparison.Ordinal);
        Assert.Contains("Kestrel__Certificates__Default__Path", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Behind_the_known_proxy_saying_https_the_sign_in_page_is_served()
    {
        using var client = Client();
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");

        using var response = await client.GetAsync(new Uri("account/login", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("name=\"Input.Password\"", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("health/live")]
    [InlineData("health/ready")]
    public async Task Health_probes_keep_answering_on_plain_http(string path)
    {
        using var client = Client();

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task The_api_over_plain_http_answers_the_same_as_a_json_problem()
    {
        using var client = Client();

        using var response = await client.GetAsync(new Uri("api/v1/me", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(403, problem.GetProperty("status").GetInt32());
        Assert.Contains("X-Forwarded-Proto", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
