using System.Net;
using System.Text.RegularExpressions;

namespace IncidentDesk.IntegrationTests;

/// <summary>The top-level wwwroot/ is the web root: its files are served, also to the sign-in page.</summary>
public sealed partial class StaticAssetTests(AppFixture app)
{
    [Fact]
    public async Task Stylesheet_from_the_top_level_wwwroot_is_served()
    {
        using var client = app.Host.CreateBrowserClient();

        using var response = await client.GetAsync(new Uri("css/app.css", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/css", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(".account-shell", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fingerprinted_asset_urls_on_the_sign_in_page_resolve()
    {
        using var client = app.Host.CreateBrowserClient();
        var ct = TestContext.Current.CancellationToken;
        var page = await client.GetStringAsync(new Uri("account/login", UriKind.Relative), ct);

        var stylesheets = Stylesheet().Matches(page).Select(m => m.Groups[1].Value).ToList();

        Assert.Contains(stylesheets, s => s.StartsWith("css/app.", StringComparison.Ordinal));
        foreach (var href in stylesheets)
        {
            using var response = await client.GetAsync(new Uri(href, UriKind.Relative), ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    [GeneratedRegex("<link rel=\"stylesheet\" href=\"([^\"]+)\"")]
    private static partial Regex Stylesheet();
}
