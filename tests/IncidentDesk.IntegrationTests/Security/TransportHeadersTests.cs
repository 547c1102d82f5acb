using System.Globalization;
using System.Net;
using IncidentDesk.Data;
using IncidentDesk.Data.Seeding;
using IncidentDesk.IntegrationTests.Api;
using IncidentDesk.Testing;
using IncidentDesk.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentDesk.IntegrationTests.Security;

/// <summary>
/// Nothing personal is cached by a browser or proxy, nothing names the web server, and redirects point within the site
/// whatever Host a request claims.
/// </summary>
public sealed class TransportHeadersTests(AppFixture app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("api/v1/me")]
    [InlineData("api/v1/incidents/{incident}")]
    [InlineData("api/v1/coops/{coop}")]
    [InlineData("api/v1/tasks")]
    public async Task Api_answers_carrying_personal_data_are_never_stored(string path)
    {
        var officer = await TestAccounts.CreateAsync(app.Host, AppRoles.PrivacyOfficer);
        using var client = ApiTokens.Client(app.Host, (await ApiTokens.CreateAsync(app.Host, officer)).Secret);

        using var response = await client.GetAsync(new Uri(await ResolveAsync(path), UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore, $"{path}: Cache-Control {response.Headers.CacheControl}");
        Assert.Empty(response.Headers.Server);
    }

    [Theory]
    [InlineData("incidents/{incident}")]
    [InlineData("coops/{coop}")]
    [InlineData("my-tasks")]
    public async Task Pages_with_personal_data_are_never_stored(string path)
    {
        var liaison = await TestAccounts.CreateAsync(app.Host, AppRoles.CoopLiaison, "SP-004", twoFactor: false);
        using var browser = app.Host.CreateBrowserClient();
        (await SignIn.SignInAsync(browser, liaison)).Dispose();

        using var response = await browser.GetAsync(new Uri(await ResolveAsync(path), UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore, $"{path}: Cache-Control {response.Headers.CacheControl}");
        Assert.Empty(response.Headers.Server);
    }

    [Fact]
    public async Task The_sign_in_redirect_names_a_path_on_this_site_not_the_host_the_request_claimed()
    {
        using var client = app.Host.CreateBrowserClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("incidents", UriKind.Relative));
        request.Headers.Host = "evil.example";

        using var response = await client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.False(response.Headers.Location!.IsAbsoluteUri, response.Headers.Location.OriginalString);
        Assert.StartsWith("/account/login?ReturnUrl=", response.Headers.Location.OriginalString, StringComparison.Ordinal);
    }

    private async Task<string> ResolveAsync(string path)
    {
        await using var db = app.Host.Services.GetRequiredService<FederationWideDb>().CreateDbContext();
        var incident = await db.Incidents.Where(i => i.Reference == ReferenceIncidentSeed.Reference).Select(i => i.Id).SingleAsync(Ct);
        var coop = await db.Coops.Where(c => c.Code == "SP-004").Select(c => c.Id).SingleAsync(Ct);
        return path.Replace("{incident}", incident.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{coop}", coop.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }
}
