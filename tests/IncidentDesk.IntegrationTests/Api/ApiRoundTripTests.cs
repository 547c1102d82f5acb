using System.Net;
using System.Text.Json;
using IncidentDesk.IntegrationTests.Incidents;
using Microsoft.EntityFrameworkCore;
using static IncidentDesk.IntegrationTests.Api.ApiClient;

namespace IncidentDesk.IntegrationTests.Api;

/// <summary>An officer works an incident from start to finish through the API alone, as an integration would.</summary>
public sealed class ApiRoundTripTests(OwnHostFixture fixture) : IClassFixture<OwnHostFixture>
{
    private const string Script = "<script>alert(1)</script>";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_officer_registers_corrects_moves_and_documents_an_incident_through_the_api()
    {
        using var officer = await ForAsync(fixture.Host, "PrivacyOfficer");
        var reportedAt = DateTimeOffset.UtcNow.AddHours(-2);

        // Register.
        using var created = await officer.PostAsync("api/v1/incidents", new
        {
            title = $"Planilha exposta {Script}", summary = "Relato de pesquisador.", source = "SecurityResearcher", severity = "High",
            reporterName = Script, reportedAt, discoveredAt = new { year = reportedAt.Year, month = reportedAt.Month, precision = "Month" },
            dataCategories = "Identification, Health",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var createdBody = await JsonAsync(created);
        var id = createdBody.GetProperty("id").GetInt32();
        var reference = createdBody.GetProperty("reference").GetString();
        Assert.Equal($"/api/v1/incidents/{Id(id)}", created.Headers.Location?.OriginalString);

        // Read back: user text comes back exactly as typed, enums by name.
        using var read = await officer.GetAsync(created.Headers.Location!.OriginalString.TrimStart('/'));
        var overview = await JsonAsync(read);
        Assert.Equal($"Planilha exposta {Script}", overview.GetProperty("summary").GetProperty("title").GetString());
        Assert.Equal(Script, overview.GetProperty("reporterName").GetString());
        Assert.Equal("Reported", overview.GetProperty("summary").GetProperty("status").GetString());
        Assert.Equal("Identification, Health", overview.GetProperty("dataCategories").GetString());

        // Correct the details: reference and status stay, the timeline says what changed, the audit keeps before/after.
        using var updated = await officer.PutAsync($"api/v1/incidents/{Id(id)}", new
        {
            title = "Planilha exposta no portal", summary = "Relato de pesquisador.", source = "SecurityResearcher", severity = "Critical",
            reporterName = Script, reportedAt, discoveredAt = new { year = reportedAt.Year, month = reportedAt.Month, precision = "Month" },
            dataCategories = "Identification, Health",
        });
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var after = await JsonAsync(updated);
        Assert.Equal("Planilha exposta no portal", after.GetProperty("summary").GetProperty("title").GetString());
        Assert.Equal("Critical", after.GetProperty("summary").GetProperty("severity").GetString());
        Assert.Equal(reference, after.GetProperty("summary").GetProperty("reference").GetString());
        var record = Assert.Single(after.GetProperty("timeline").EnumerateArray(),
            e => e.GetProperty("title").GetString() == "Dados do incidente alterados");
        Assert.Equal("Record", record.GetProperty("kind").GetString());
        Assert.Equal("Campos alterados: Título, Gravidade.", record.GetProperty("description").GetString());
        await using (var db = fixture.CreateDb())
        {
            var entityId = Id(id);
            var changes = await db.AuditEntries.Where(e => e.EntityType == "Incident" && e.EntityId == entityId && e.Action == "Incident.Updated")
                .Select(e => e.Changes).SingleAsync(Ct);
            Assert.Contains("Planilha exposta no portal", changes, StringComparison.Ordinal);
            Assert.Contains("Planilha exposta", changes, StringComparison.Ordinal);
        }

        // Move along the workflow.
        using var moved = await officer.PostAsync($"api/v1/incidents/{Id(id)}/transitions", new { to = "Triage" });
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Equal("Triage", (await JsonAsync(moved)).GetProperty("summary").GetProperty("status").GetString());

        // Figures: add, then confirm a new value.
        var asOf = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-1)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        using var figure = await officer.PostAsync($"api/v1/incidents/{Id(id)}/figures", new
        {
            label = "Beneficiários expostos", value = 1200, unit = "pessoas", status = "Claimed", source = Script, asOf,
        });
        Assert.Equal(HttpStatusCode.Created, figure.StatusCode);
        var figureId = (await JsonAsync(figure)).GetProperty("id").GetInt32();
        using var figureChanged = await officer.PutAsync($"api/v1/incidents/{Id(id)}/figures/{Id(figureId)}", new
        {
            label = "Beneficiários expostos", value = 1350, unit = "pessoas", status = "Confirmed", source = Script, asOf,
        });
        Assert.Equal(HttpStatusCode.OK, figureChanged.StatusCode);
        var figureRow = await JsonAsync(figureChanged);
        Assert.Equal(1350m, figureRow.GetProperty("value").GetDecimal());
        Assert.Equal("Confirmed", figureRow.GetProperty("status").GetString());
        Assert.Equal(Script, figureRow.GetProperty("source").GetString());

        // Involve every co-op of a UF, then move one co-op's knowledge time with a reason.
        using var involved = await officer.PostAsync($"api/v1/incidents/{Id(id)}/involvements", new { uf = "AC", role = "ControllerAffected" });
        Assert.Equal(HttpStatusCode.OK, involved.StatusCode);
        Assert.True((await JsonAsync(involved)).GetProperty("added").GetInt32() > 0);
        using var list = await officer.GetAsync($"api/v1/incidents/{Id(id)}/involvements");
        var acre = (await JsonAsync(list)).EnumerateArray().First(v => v.GetProperty("uf").GetString() == "AC");
        var coopId = acre.GetProperty("coopId").GetInt32();
        var knowledgeAt = reportedAt.AddMinutes(30);
        using var knowledge = await officer.PutAsync($"api/v1/incidents/{Id(id)}/involvements/{Id(coopId)}", new
        {
            knowledgeAt, reason = "A cooperativa soube pelo e-mail do pesquisador.",
        });
        Assert.Equal(HttpStatusCode.OK, knowledge.StatusCode);
        var involvement = await JsonAsync(knowledge);
        Assert.Equal(knowledgeAt.UtcDateTime, involvement.GetProperty("knowledgeAtUtc").GetDateTime(), TimeSpan.FromSeconds(1));
        Assert.Equal("ControllerAffected", involvement.GetProperty("role").GetString());

        // A fact on the timeline, then the whole timeline.
        var yesterday = DateTime.UtcNow.AddDays(-1);
        using var fact = await officer.PostAsync($"api/v1/incidents/{Id(id)}/timeline", new
        {
            occurredAt = new { year = yesterday.Year, month = yesterday.Month, day = yesterday.Day, precision = "Day" },
            title = $"Pesquisador publicou o achado {Script}", source = "Blog do pesquisador", sharedWithCoops = true,
        });
        Assert.Equal(HttpStatusCode.Created, fact.StatusCode);
        Assert.Equal("Fact", (await JsonAsync(fact)).GetProperty("kind").GetString());
        using var timeline = await officer.GetAsync($"api/v1/incidents/{Id(id)}/timeline");
        var events = (await JsonAsync(timeline)).EnumerateArray().ToList();
        var kinds = events.Select(e => e.GetProperty("kind").GetString()).ToList();
        Assert.Contains("Fact", kinds);
        Assert.Contains("Status", kinds);
        Assert.Contains("Figure", kinds);
        Assert.Contains("Involvement", kinds);
        Assert.Contains("Record", kinds);
        Assert.Contains(events, e => e.GetProperty("title").GetString() == $"Pesquisador publicou o achado {Script}");
    }

    [Fact]
    public async Task The_incident_list_takes_the_list_pages_filters_and_pages()
    {
        using var officer = await ForAsync(fixture.Host, "PrivacyOfficer");

        using var response = await officer.GetAsync("api/v1/incidents?status=Investigating&status=Contained&sort=Reference&dir=asc&page=0&pageSize=1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await JsonAsync(response);
        Assert.Equal(1, page.GetProperty("pageSize").GetInt32());
        Assert.True(page.GetProperty("totalCount").GetInt32() >= 1);
        Assert.All(page.GetProperty("items").EnumerateArray(), i => Assert.True(i.GetProperty("status").GetString() is "Investigating" or "Contained"));
    }
}
