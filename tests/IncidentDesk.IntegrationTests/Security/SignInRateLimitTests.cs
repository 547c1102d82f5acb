using System.Net;
using IncidentDesk.Testing;

namespace IncidentDesk.IntegrationTests.Security;

public sealed class SignInRateLimitTests
{
    [Fact]
    public async Task Too_many_sign_in_posts_from_one_address_get_429_with_retry_after_while_reading_the_form_stays_free()
    {
        await using var host = new IncidentDeskHost(seedDemo: false, settings: new Dictionary<string, string?>
        {
            ["IncidentDesk:RateLimits:AccountPerMinute"] = "3",
        });
        using var client = host.CreateBrowserClient();
        var statuses = new List<HttpStatusCode>();

        // Each attempt reads the form (GET, never limited) and posts it; the 4th post within the minute is refused.
        for (var attempt = 0; attempt < 4; attempt++)
        {
            using var response = await SignIn.PostLoginAsync(client, "alguem@federacao.example", "wrong-password-attempt");
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.True(int.Parse(Assert.Single(response.Headers.GetValues("Retry-After")), System.Globalization.CultureInfo.InvariantCulture) > 0);
            }
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }
}
