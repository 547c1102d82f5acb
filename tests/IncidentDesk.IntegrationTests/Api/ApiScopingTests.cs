using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IncidentDesk.Core.Incidents;
using IncidentDesk.Data.Seeding;
using IncidentDesk.Testing;
using Microsoft.EntityFrameworkCore;

namespace IncidentDesk.IntegrationTests.Api;

/// <summary>A host of its own: it gains an incident that SP-004 has no part in, which the shared host must not see.</summary>
public sealed class ScopingFixture : IAsyncLifetime
{
    public const string OtherIncidentReference = "INC-2026-9001";

    public IncidentDeskHost Host { get; } = new();

    public async ValueTask InitializeAsync()
    {
        if (!IncidentDeskHost.CanStart)
        {
            return;
        }

        Host.Start();
        await using var db = ApiTokens.Db(Host);
        var acre = await db.Coops.SingleAsync(c => c.Code == "AC-001");
        var now = DateTime.UtcNow;
        var incident = new Incident
        {
            Reference = OtherIncidentReference,
            Title = "Planilha exposta em AC-001",
            Summary = "Incidente de teste sem participação de SP-004.",
            ReportedAtUtc = now,
            KnowledgeAtUtc = now,
            CreatedAtUtc = now,
            UpdatedAtUtc = now,
        };
        incident.Involvements.Add(new CoopInvolvement { CoopId = acre.Id, KnowledgeAtUtc = now });
        db.Incidents.Add(incident);
        await db.SaveArrangedAsync();
    }

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}

/// <summary>Through the API a liaison sees exactly what the pages show them: their own co-op, its incidents.</summary>
public sealed class ApiScopingTests(ScopingFixture fixture) : IClassFixture<ScopingFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_liaison_lists_only_their_own_coop()
    {
        using var client = await LiaisonClientAsync();

        var page = await client.GetFromJsonAsync<JsonElement>(new Uri("api/v1/coops?pageSize=500", UriKind.Relative), Ct);

        Assert.Equal(1, page.GetProperty("totalCount").GetInt32());
        Assert.Equal("SP-004", Assert.Single(page.GetProperty("items").EnumerateArray()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_liaison_asking_for_another_coop_by_id_gets_404_and_the_attempt_is_audited()
    {
        using var client = await LiaisonClientAsync();
        var other = await IdOfCoopAsync("AC-001");
        var own = await IdOfCoopAsync("SP-004");

        using var denied = await client.GetAsync(new Uri($"api/v1/coops/{other}", UriKind.Relative), Ct);
        using var allowed = await client.GetAsync(new Uri($"api/v1/coops/{own}", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.NotFound, denied.StatusCode);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        await AssertDeniedAuditedAsync("Coop", other);
    }

    [Fact]
    public async Task A_liaison_lists_only_incidents_their_coop_is_involved_in()
    {
        using var client = await LiaisonClientAsync();

        var incidents = await client.GetFromJsonAsync<JsonElement>(new Uri("api/v1/incidents", UriKind.Relative), Ct);

        var references = incidents.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("reference").GetString()).ToList();
        Assert.Equal([ReferenceIncidentSeed.Reference], references);
        Assert.Equal(1, incidents.GetProperty("totalCount").GetInt32());
        Assert.IsType<string>(incidents.GetProperty("items")[0].GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_liaison_asking_for_an_incident_without_their_coop_gets_404_and_the_attempt_is_audited()
    {
        using var client = await LiaisonClientAsync();
        var other = await IdOfIncidentAsync(ScopingFixture.OtherIncidentReference);
        var reference = await IdOfIncidentAsync(ReferenceIncidentSeed.Reference);

        using var denied = await client.GetAsync(new Uri($"api/v1/incidents/{other}", UriKind.Relative), Ct);
        var shared = await client.GetFromJsonAsync<JsonElement>(new Uri($"api/v1/incidents/{reference}", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.NotFound, denied.StatusCode);
        await AssertDeniedAuditedAsync("Incident", other);
        // What is shared with co-ops only: their own involvement, no reporter identity.
        Assert.Equal("SP-004", Assert.Single(shared.GetProperty("involvements").EnumerateArray()).GetProperty("code").GetString());
        Assert.Equal(JsonValueKind.Null, shared.GetProperty("reporterName").ValueKind);
    }

    [Fact]
    public async Task An_officer_token_reads_the_whole_federation()
    {
        var officer = await TestAccounts.CreateAsync(fixture.Host, "PrivacyOfficer");
        using var client = ApiTokens.Client(fixture.Host, (await ApiTokens.CreateAsync(fixture.Host, officer)).Secret);

        var coops = await client.GetFromJsonAsync<JsonElement>(new Uri("api/v1/coops?uf=SP&page=0&pageSize=5", UriKind.Relative), Ct);
        var incidents = await client.GetFromJsonAsync<JsonElement>(new Uri("api/v1/incidents", UriKind.Relative), Ct);

        Assert.True(coops.GetProperty("totalCount").GetInt32() > 1);
        Assert.Equal(5, coops.GetProperty("items").GetArrayLength());
        Assert.All(coops.GetProperty("items").EnumerateArray(), c => Assert.Equal("SP", c.GetProperty("uf").GetString()));
        Assert.Equal(2, incidents.GetProperty("totalCount").GetInt32());
    }

    private async Task<HttpClient> LiaisonClientAsync()
    {
        var liaison = await TestAccounts.CreateAsync(fixture.Host, "CoopLiaison", "SP-004", twoFactor: false);
        return ApiTokens.Client(fixture.Host, (await ApiTokens.CreateAsync(fixture.Host, liaison)).Secret);
    }

    private async Task<int> IdOfCoopAsync(string code)
    {
        await using var db = ApiTokens.Db(fixture.Host);
        return await db.Coops.Where(c => c.Code == code).Select(c => c.Id).SingleAsync(Ct);
    }

    private async Task<int> IdOfIncidentAsync(string reference)
    {
        await using var db = ApiTokens.Db(fixture.Host);
        return await db.Incidents.Where(i => i.Reference == reference).Select(i => i.Id).SingleAsync(Ct);
    }

    private async Task AssertDeniedAuditedAsync(string entityType, int id)
    {
        await using var db = ApiTokens.Db(fixture.Host);
        var entityId = id.ToString(CultureInfo.InvariantCulture);
        Assert.True(await db.AuditEntries.AnyAsync(
            e => e.Action == "Access.Denied" && e.EntityType == entityType && e.EntityId == entityId && e.ActorId != null, Ct));
    }
}
