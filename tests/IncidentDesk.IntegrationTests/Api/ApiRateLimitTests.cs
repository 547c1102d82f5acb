using System.Net;
using IncidentDesk.Testing;

namespace IncidentDesk.IntegrationTests.Api;

public sealed class ApiRateLimitTests
{
    [Fact]
    public async Task Over_the_api_limit_the_answer_is_429_with_retry_after()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = new IncidentDeskHost(settings: new Dictionary<string, string?> { ["IncidentDesk:RateLimits:ApiPerMinute"] = "2" });
        host.Start();
        var liaison = await TestAccounts.CreateAsync(host, "CoopLiaison", "SP-004", twoFactor: false);
        using var client = ApiTokens.Client(host, (await ApiTokens.CreateAsync(host, liaison)).Secret);

        // A fixed one-minute window may turn over once between requests: six requests exceed two permits anyway.
        HttpResponseMessage? limited = null;
        var answered = 0;
        for (var i = 0; i < 6 && limited is null; i++)
        {
            var response = await client.GetAsync(new Uri("api/v1/me", UriKind.Relative), ct);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                limited = response;
            }
            else
            {
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                answered++;
                response.Dispose();
            }
        }

        Assert.NotNull(limited);
        using (limited)
        {
            Assert.InRange(answered, 2, 4);
            Assert.NotNull(limited.Headers.RetryAfter?.Delta);
            Assert.True(limited.Headers.RetryAfter!.Delta > TimeSpan.Zero);
        }
    }
}
