using System.Net;
using IncidentDesk.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentDesk.IntegrationTests.Reports;

/// <summary>
/// The limits of the anonymous posts, each on a host of its own: per address, per /24 network, the desk-wide hourly cap,
/// and wrong follow-up codes. Clients leave from different loopback addresses (127.x.y.z all reach the host).
/// </summary>
public sealed class ReportThrottleTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Over_the_per_address_limit_the_form_answers_429_with_retry_after_while_another_network_still_gets_through()
    {
        await using var host = Host(new() { ["IncidentDesk:Disclosure:ReportsPerAddressPerHour"] = "2" });
        using var first = ReportForm.ClientFrom(host, "127.0.0.1");
        using var otherNetwork = ReportForm.ClientFrom(host, "127.0.9.1");

        await ReportForm.SubmitAsync(first);
        await ReportForm.SubmitAsync(first);
        using var limited = await ReportForm.PostAsync(first, ReportForm.Filled(await ReportForm.OpenAsync(first)));

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.True(limited.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Contains("Muitas tentativas", await limited.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        await ReportForm.SubmitAsync(otherNetwork);
        Assert.Equal(3, await CountAsync(host));
    }

    [Fact]
    public async Task Neighbours_in_the_same_slash_24_share_the_network_limit()
    {
        await using var host = Host(new() { ["IncidentDesk:Disclosure:ReportsPerNetworkPerHour"] = "2" });
        using var a = ReportForm.ClientFrom(host, "127.0.5.1");
        using var b = ReportForm.ClientFrom(host, "127.0.5.2");
        using var c = ReportForm.ClientFrom(host, "127.0.5.3");
        using var elsewhere = ReportForm.ClientFrom(host, "127.0.6.1");

        await ReportForm.SubmitAsync(a);
        await ReportForm.SubmitAsync(b);
        using var limited = await ReportForm.PostAsync(c, ReportForm.Filled(await ReportForm.OpenAsync(c)));

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.NotNull(limited.Headers.RetryAfter);
        await ReportForm.SubmitAsync(elsewhere);
    }

    [Fact]
    public async Task A_flood_of_500_posts_from_one_address_stores_only_the_allowed_few()
    {
        await using var host = Host(new() { ["IncidentDesk:Disclosure:ReportsPerAddressPerHour"] = "3" });
        using var client = ReportForm.ClientFrom(host, "127.0.7.7");
        // Five genuinely valid reports first (each its own solved challenge), then junk: only the limit decides.
        var valid = new List<Dictionary<string, string>>();
        for (var i = 0; i < 5; i++)
        {
            valid.Add(ReportForm.Filled(await ReportForm.OpenAsync(client)));
        }

        var answers = new Dictionary<HttpStatusCode, int>();
        for (var i = 0; i < 500; i++)
        {
            using var response = await ReportForm.PostAsync(client, i < valid.Count ? valid[i] : valid[0]);
            answers[response.StatusCode] = answers.GetValueOrDefault(response.StatusCode) + 1;
        }

        Assert.Equal(3, await CountAsync(host));
        Assert.Equal(3, answers.GetValueOrDefault(HttpStatusCode.OK));
        Assert.Equal(497, answers.GetValueOrDefault(HttpStatusCode.TooManyRequests));
    }

    [Fact]
    public async Task Beyond_the_hourly_cap_of_the_whole_desk_the_form_asks_to_try_later_and_keeps_the_text()
    {
        await using var host = new IncidentDeskHost(settings: ReportForm.OpenSettings(reportsPerHour: 2));
        using var client = host.CreateBrowserClient();
        await ReportForm.SubmitAsync(client);
        await ReportForm.SubmitAsync(client);
        var marker = $"cap-{Guid.NewGuid():N}";

        using var response = await ReportForm.PostAsync(client, ReportForm.Filled(await ReportForm.OpenAsync(client), f => f["Input.Finding"] = marker));

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.NotNull(response.Headers.RetryAfter);
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("Tente novamente mais tarde", html, StringComparison.Ordinal);
        Assert.Contains(marker, html, StringComparison.Ordinal);
        Assert.Equal(2, await CountAsync(host));
    }

    [Fact]
    public async Task Wrong_follow_up_codes_are_limited_like_sign_in()
    {
        await using var host = Host(new() { ["IncidentDesk:Disclosure:StatusPostsPerAddressPerMinute"] = "3" });
        using var guesser = ReportForm.ClientFrom(host, "127.0.8.8");
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            using var response = await ReportForm.PostStatusAsync(guesser, $"AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHH{(char)('A' + i)}");
            answers.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.NotNull(response.Headers.RetryAfter);
            }
        }

        // A fixed one-minute window may turn over once between posts: six posts exceed three permits anyway.
        Assert.Contains(HttpStatusCode.TooManyRequests, answers);
        Assert.All(answers.TakeWhile(s => s != HttpStatusCode.TooManyRequests), s => Assert.Equal(HttpStatusCode.BadRequest, s));
    }

    [Fact]
    public async Task A_form_sent_sooner_than_the_minimum_fill_time_is_refused()
    {
        var settings = ReportForm.OpenSettings();
        settings["IncidentDesk:Disclosure:MinimumFillSeconds"] = "3600";
        await using var host = new IncidentDeskHost(settings: settings);
        using var client = host.CreateBrowserClient();

        using var response = await ReportForm.PostAsync(client, ReportForm.Filled(await ReportForm.OpenAsync(client)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("rápido demais", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(host));
    }

    private static IncidentDeskHost Host(Dictionary<string, string?> limits)
    {
        var settings = ReportForm.OpenSettings();
        foreach (var (key, value) in limits)
        {
            settings[key] = value;
        }

        return new IncidentDeskHost(settings: settings);
    }

    private static async Task<int> CountAsync(IncidentDeskHost host)
    {
        await using var db = await host.Services.GetRequiredService<IncidentDesk.Data.FederationWideDb>().CreateDbContextAsync(Ct);
        return await db.SecurityReports.CountAsync(Ct);
    }
}
