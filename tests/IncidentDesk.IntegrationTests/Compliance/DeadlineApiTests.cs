using System.Net;
using System.Text.Json;
using IncidentDesk.IntegrationTests.Api;
using Microsoft.EntityFrameworkCore;

namespace IncidentDesk.IntegrationTests.Compliance;

/// <summary>The deadline API for co-ops' own tools: by knowledge instant, and per controller co-op of an incident.</summary>
public sealed class DeadlineApiTests(ScopingFixture fixture) : IClassFixture<ScopingFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_worked_example_gives_every_deadline_in_Brasilia_dates_with_the_rule()
    {
        using var client = await ApiClient.ForAsync(fixture.Host, "CoopLiaison", "SP-004");

        using var response = await client.GetAsync("api/v1/deadlines?knowledgeAt=2025-04-16T10:00:00-03:00");
        var body = await ApiClient.JsonAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var deadlines = body.GetProperty("deadlines").EnumerateArray().ToDictionary(d => d.GetProperty("kind").GetString()!);
        Assert.Equal(["AnpdCommunication", "SubjectNotice", "ChannelDeclaration"], deadlines.Keys);
        var anpd = deadlines["AnpdCommunication"];
        Assert.Equal("2025-04-16", anpd.GetProperty("start").GetString());
        Assert.Equal(3, anpd.GetProperty("businessDays").GetInt32());
        Assert.Equal("2025-04-23", anpd.GetProperty("working").GetString());
        Assert.Equal("2025-04-23", anpd.GetProperty("latestDefensible").GetString());
        Assert.Equal("2025-04-24T00:00:00-03:00", anpd.GetProperty("workingEndsAt").GetString());
        Assert.Equal("R15 art. 6 caput, §1", anpd.GetProperty("rule").GetString());
        Assert.Contains("art. 6º", anpd.GetProperty("ruleText").GetString(), StringComparison.Ordinal);
        Assert.Equal("Overdue", anpd.GetProperty("urgency").GetString());
        Assert.Equal("2025-04-28", deadlines["ChannelDeclaration"].GetProperty("working").GetString());
    }

    [Fact]
    public async Task A_small_agent_gets_doubled_deadlines_and_Carnival_separates_the_two_dates()
    {
        using var client = await ApiClient.ForAsync(fixture.Host, "Auditor");

        using var response = await client.GetAsync("api/v1/deadlines?knowledgeAt=2026-02-13T10:00:00-03:00&smallAgent=true", "en-US");
        var anpd = (await ApiClient.JsonAsync(response)).GetProperty("deadlines")[0];

        Assert.Equal(6, anpd.GetProperty("businessDays").GetInt32());
        Assert.Equal("2026-02-23", anpd.GetProperty("working").GetString());
        Assert.Equal("2026-02-25", anpd.GetProperty("latestDefensible").GetString());
        Assert.Equal("2026-02-26T00:00:00-03:00", anpd.GetProperty("latestDefensibleEndsAt").GetString());
        Assert.Contains("small processing agent", anpd.GetProperty("ruleText").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_Brasilia_day_of_the_instant_starts_the_count_whatever_offset_it_is_written_in()
    {
        using var client = await ApiClient.ForAsync(fixture.Host, "Auditor");

        // Tuesday 22:30 in Brasília is already Wednesday in UTC; the count starts on Tuesday either way.
        var brasilia = await WorkingAsync(client, "2026-03-03T22:30:00-03:00");
        var utc = await WorkingAsync(client, "2026-03-04T01:30:00Z");

        Assert.Equal("2026-03-06", brasilia);
        Assert.Equal(brasilia, utc);
    }

    [Theory]
    [InlineData("api/v1/deadlines", "knowledgeAt", "Required")]
    [InlineData("api/v1/deadlines?knowledgeAt=", "knowledgeAt", "Required")]
    [InlineData("api/v1/deadlines?knowledgeAt=ontem", "knowledgeAt", "Invalid")]
    [InlineData("api/v1/deadlines?knowledgeAt=2025-02-30T10:00:00-03:00", "knowledgeAt", "Invalid")]
    [InlineData("api/v1/deadlines?knowledgeAt=2025-04-16T10:00:00", "knowledgeAt", "OffsetRequired")]
    [InlineData("api/v1/deadlines?knowledgeAt=1500-04-16T10:00:00-03:00", "knowledgeAt", "OutOfRange")]
    [InlineData("api/v1/deadlines?knowledgeAt=2025-04-16T10:00:00-03:00&smallAgent=talvez", "smallAgent", "Invalid")]
    public async Task A_missing_unparseable_or_zoneless_knowledge_time_is_a_400_naming_the_field(string path, string field, string code)
    {
        using var client = await ApiClient.ForAsync(fixture.Host, "Auditor");

        using var response = await client.GetAsync(path);
        var problem = await ApiClient.JsonAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(code, problem.GetProperty("codes").GetProperty(field).GetString());
        Assert.NotEmpty(problem.GetProperty("errors").GetProperty(field)[0].GetString()!);
    }

    [Fact]
    public async Task An_officer_gets_each_controller_coops_own_clock()
    {
        using var client = await ApiClient.ForAsync(fixture.Host, "PrivacyOfficer");

        var coops = await IncidentDeadlinesAsync(client, await ReferenceIdAsync());

        Assert.Equal(["GO-001", "MG-002", "SP-004"], coops.Select(c => c.GetProperty("code").GetString()));
        Assert.All(coops, c =>
        {
            Assert.Equal("2026-04-06T17:00:00-03:00", c.GetProperty("knowledgeAt").GetString());
            Assert.Equal("2026-04-09", c.GetProperty("deadlines")[0].GetProperty("working").GetString());
            Assert.Equal(JsonValueKind.Null, c.GetProperty("communicationFiledAt").ValueKind);
        });
    }

    [Fact]
    public async Task A_liaison_gets_only_their_own_coops_clock_and_404_for_an_incident_they_may_not_see()
    {
        using var liaison = await ApiClient.ForAsync(fixture.Host, "CoopLiaison", "SP-004");
        using var outsider = await ApiClient.ForAsync(fixture.Host, "CoopLiaison", "RJ-001");
        var reference = await ReferenceIdAsync();
        int other;
        await using (var db = ApiTokens.Db(fixture.Host))
        {
            other = await db.Incidents.Where(i => i.Reference == ScopingFixture.OtherIncidentReference).Select(i => i.Id).SingleAsync(Ct);
        }

        var own = await IncidentDeadlinesAsync(liaison, reference);
        using var otherIncident = await liaison.GetAsync($"api/v1/incidents/{ApiClient.Id(other)}/deadlines");
        using var notInvolved = await outsider.GetAsync($"api/v1/incidents/{ApiClient.Id(reference)}/deadlines");
        using var missing = await liaison.GetAsync("api/v1/incidents/2147483647/deadlines");

        Assert.Equal("SP-004", Assert.Single(own).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.NotFound, otherIncident.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, notInvolved.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    private static async Task<string?> WorkingAsync(ApiClient client, string knowledgeAt)
    {
        using var response = await client.GetAsync($"api/v1/deadlines?knowledgeAt={Uri.EscapeDataString(knowledgeAt)}");
        return (await ApiClient.JsonAsync(response)).GetProperty("deadlines")[0].GetProperty("working").GetString();
    }

    private static async Task<List<JsonElement>> IncidentDeadlinesAsync(ApiClient client, int incidentId)
    {
        using var response = await client.GetAsync($"api/v1/incidents/{ApiClient.Id(incidentId)}/deadlines");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. (await ApiClient.JsonAsync(response)).EnumerateArray()];
    }

    private async Task<int> ReferenceIdAsync()
    {
        await using var db = ApiTokens.Db(fixture.Host);
        return await db.Incidents.Where(i => i.Reference == "INC-2026-0001").Select(i => i.Id).SingleAsync(Ct);
    }
}
