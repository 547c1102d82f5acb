using System.Net;
using IncidentDesk.Data.Seeding;
using IncidentDesk.Testing;
using Microsoft.EntityFrameworkCore;
using static IncidentDesk.IntegrationTests.Api.ApiClient;

namespace IncidentDesk.IntegrationTests.Api;

/// <summary>
/// Through every v1 endpoint a liaison sees only their co-op's incidents (others answer 404, never confirming the id),
/// and reads only what is shared; liaisons and auditors are refused every write with 403, and the refusal is audited.
/// </summary>
public sealed class ApiWriteScopingTests(ScopingFixture fixture) : IClassFixture<ScopingFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Another_coops_incident_is_not_found_on_every_endpoint_and_the_attempts_are_audited()
    {
        using var liaison = await ForAsync(fixture.Host, "CoopLiaison", "SP-004");
        var other = Id(await IncidentIdAsync(ScopingFixture.OtherIncidentReference));
        var acre = Id(await CoopIdAsync("AC-001"));
        var figure = Id(await FirstFigureIdAsync());
        var calls = new (string Method, string Path)[]
        {
            ("GET", $"api/v1/incidents/{other}"), ("PUT", $"api/v1/incidents/{other}"), ("POST", $"api/v1/incidents/{other}/transitions"),
            ("GET", $"api/v1/incidents/{other}/figures"), ("POST", $"api/v1/incidents/{other}/figures"),
            ("PUT", $"api/v1/incidents/{other}/figures/{figure}"), ("GET", $"api/v1/incidents/{other}/involvements"),
            ("POST", $"api/v1/incidents/{other}/involvements"), ("PUT", $"api/v1/incidents/{other}/involvements/{acre}"),
            ("GET", $"api/v1/incidents/{other}/timeline"), ("POST", $"api/v1/incidents/{other}/timeline"),
        };

        foreach (var (method, path) in calls)
        {
            using var response = method switch
            {
                "GET" => await liaison.GetAsync(path),
                "PUT" => await liaison.PutAsync(path, "{\"title\":\"x\"}"),
                _ => await liaison.PostAsync(path, "{\"to\":\"Triage\",\"uf\":\"SP\",\"title\":\"x\"}"),
            };
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{method} {path} answered {(int)response.StatusCode}");
        }

        await using var db = ApiTokens.Db(fixture.Host);
        Assert.True(await db.AuditEntries.CountAsync(e => e.Action == "Access.Denied" && e.EntityType == "Incident" && e.EntityId == other, Ct)
            >= calls.Length);
        Assert.Equal(ScopingFixture.OtherIncidentReference,
            (await db.Incidents.SingleAsync(i => i.Reference == ScopingFixture.OtherIncidentReference, Ct)).Reference);
    }

    [Theory]
    [InlineData("CoopLiaison", "SP-004")]
    [InlineData("Auditor", null)]
    public async Task Liaisons_and_auditors_are_refused_every_write_with_403_and_the_refusal_is_audited(string role, string? coopCode)
    {
        using var reader = await ForAsync(fixture.Host, role, coopCode);
        var incident = Id(await IncidentIdAsync(ReferenceIncidentSeed.Reference));
        var figure = Id(await FirstFigureIdAsync());
        var sp004 = Id(await CoopIdAsync("SP-004"));
        var writes = new (string Method, string Path, string Body)[]
        {
            ("POST", "api/v1/incidents", """{"title":"Novo","summary":"s","source":"Press","severity":"Low","reportedAt":"2026-01-01T10:00:00-03:00"}"""),
            ("PUT", $"api/v1/incidents/{incident}", """{"title":"Outro","summary":"s","source":"Press","severity":"Low","reportedAt":"2026-01-01T10:00:00-03:00"}"""),
            ("POST", $"api/v1/incidents/{incident}/transitions", """{"to":"Contained"}"""),
            ("POST", $"api/v1/incidents/{incident}/figures", """{"label":"x","value":1,"unit":"u","status":"Claimed","source":"s","asOf":"2026-01-01"}"""),
            ("PUT", $"api/v1/incidents/{incident}/figures/{figure}", """{"label":"x","value":1,"unit":"u","status":"Claimed","source":"s","asOf":"2026-01-01"}"""),
            ("POST", $"api/v1/incidents/{incident}/involvements", """{"uf":"AC"}"""),
            ("PUT", $"api/v1/incidents/{incident}/involvements/{sp004}", """{"role":"NotAffected","knowledgeAt":"2026-01-01T10:00:00Z","reason":"r"}"""),
            ("POST", $"api/v1/incidents/{incident}/timeline", """{"occurredAt":{"year":2026,"month":1,"precision":"Month"},"title":"t","source":"s"}"""),
        };
        var deniedBefore = await DeniedCountAsync();

        foreach (var (method, path, body) in writes)
        {
            using var response = method == "PUT" ? await reader.PutAsync(path, body, "en-US") : await reader.PostAsync(path, body, "en-US");
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{method} {path} answered {(int)response.StatusCode}");
            Assert.Equal("Your role does not allow this change.", (await JsonAsync(response)).GetProperty("title").GetString());
        }

        Assert.Equal(deniedBefore + writes.Length, await DeniedCountAsync());
        await using var db = ApiTokens.Db(fixture.Host);
        Assert.Equal(2, await db.Incidents.CountAsync(Ct));
        Assert.Equal("Investigating", (await db.Incidents.SingleAsync(i => i.Reference == ReferenceIncidentSeed.Reference, Ct)).Status.ToString());
    }

    [Fact]
    public async Task A_liaison_reads_only_shared_timeline_events_and_their_own_involvement()
    {
        using var officer = await ForAsync(fixture.Host, "PrivacyOfficer");
        using var liaison = await ForAsync(fixture.Host, "CoopLiaison", "SP-004");
        var incident = Id(await IncidentIdAsync(ReferenceIncidentSeed.Reference));
        foreach (var (title, shared) in new[] { ("Fato só da federação", false), ("Fato compartilhado", true) })
        {
            using var added = await officer.PostAsync($"api/v1/incidents/{incident}/timeline", new
            {
                occurredAt = new { year = 2026, month = 4, day = 10, precision = "Day" }, title, source = "Ata", sharedWithCoops = shared,
            });
            Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        }

        using var timeline = await liaison.GetAsync($"api/v1/incidents/{incident}/timeline");
        using var involvements = await liaison.GetAsync($"api/v1/incidents/{incident}/involvements");
        using var figures = await liaison.GetAsync($"api/v1/incidents/{incident}/figures");

        var events = (await JsonAsync(timeline)).EnumerateArray().ToList();
        Assert.All(events, e => Assert.True(e.GetProperty("sharedWithCoops").GetBoolean()));
        Assert.Contains(events, e => e.GetProperty("title").GetString() == "Fato compartilhado");
        Assert.DoesNotContain(events, e => e.GetProperty("title").GetString() == "Fato só da federação");
        Assert.Equal("SP-004", Assert.Single((await JsonAsync(involvements)).EnumerateArray()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.OK, figures.StatusCode);
    }

    [Fact]
    public async Task A_signed_in_browser_cookie_opens_no_v1_endpoint_not_even_a_write()
    {
        var officer = await TestAccounts.CreateAsync(fixture.Host, "PrivacyOfficer");
        using var browser = fixture.Host.CreateBrowserClient();
        (await SignIn.SignInAsync(browser, officer)).Dispose();
        var incident = Id(await IncidentIdAsync(ReferenceIncidentSeed.Reference));

        using var read = await browser.GetAsync(new Uri($"api/v1/incidents/{incident}/timeline", UriKind.Relative), Ct);
        using var write = await browser.PostAsync(new Uri("api/v1/incidents", UriKind.Relative),
            new StringContent("""{"title":"x","summary":"s","source":"Press","severity":"Low","reportedAt":"2026-01-01T10:00:00-03:00"}""",
                System.Text.Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, read.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, write.StatusCode);
        await using var db = ApiTokens.Db(fixture.Host);
        Assert.Equal(2, await db.Incidents.CountAsync(Ct));
    }

    private async Task<int> DeniedCountAsync()
    {
        await using var db = ApiTokens.Db(fixture.Host);
        return await db.AuditEntries.CountAsync(e => e.Action == "Access.Denied", Ct);
    }

    private async Task<int> IncidentIdAsync(string reference)
    {
        await using var db = ApiTokens.Db(fixture.Host);
        return await db.Incidents.Where(i => i.Reference == reference).Select(i => i.Id).SingleAsync(Ct);
    }

    private async Task<int> CoopIdAsync(string code)
    {
        await using var db = ApiTokens.Db(fixture.Host);
        return await db.Coops.Where(c => c.Code == code).Select(c => c.Id).SingleAsync(Ct);
    }

    private async Task<int> FirstFigureIdAsync()
    {
        await using var db = ApiTokens.Db(fixture.Host);
        return await db.KeyFigures.OrderBy(f => f.Id).Select(f => f.Id).FirstAsync(Ct);
    }
}
