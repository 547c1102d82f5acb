using System.Net;
using System.Text.Json;
using IncidentDesk.IntegrationTests.Incidents;
using Microsoft.EntityFrameworkCore;
using static IncidentDesk.IntegrationTests.Api.ApiClient;

namespace IncidentDesk.IntegrationTests.Api;

/// <summary>What a client gets wrong is answered field by field, in the language it asked for, and nothing is stored.</summary>
public sealed class ApiValidationTests(OwnHostFixture fixture) : IClassFixture<OwnHostFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string?, string, string, string> Languages() => new()
    {
        { null, "Campo obrigatório.", "A data não pode estar no futuro.", "Use no máximo 300 caracteres." },
        { "pt-BR", "Campo obrigatório.", "A data não pode estar no futuro.", "Use no máximo 300 caracteres." },
        { "en-US,en;q=0.9", "Required.", "The date cannot be in the future.", "Use at most 300 characters." },
    };

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task An_invalid_incident_is_refused_with_a_message_per_field_in_the_requested_language(
        string? language, string required, string inFuture, string tooLong)
    {
        using var officer = await ForAsync(fixture.Host, "PrivacyOfficer");
        var tomorrow = DateTime.UtcNow.AddDays(2);
        var before = await IncidentCountAsync();

        using var response = await officer.PostAsync("api/v1/incidents", new
        {
            title = new string('x', 301), summary = " ", source = "Press", severity = "Low",
            reportedAt = DateTimeOffset.UtcNow.AddHours(-1),
            discoveredAt = new { year = tomorrow.Year, month = tomorrow.Month, day = tomorrow.Day, precision = "Day" },
        }, language);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await JsonAsync(response);
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.Equal(tooLong, Message(problem, "title"));
        Assert.Equal(required, Message(problem, "summary"));
        Assert.Equal(inFuture, Message(problem, "discoveredAt"));
        Assert.Equal("TooLong", problem.GetProperty("codes").GetProperty("title").GetString());
        Assert.Equal("InFuture", problem.GetProperty("codes").GetProperty("discoveredAt").GetString());
        Assert.Equal(before, await IncidentCountAsync());
    }

    [Fact]
    public async Task A_correction_is_validated_like_intake_and_a_future_discovery_changes_nothing()
    {
        using var officer = await ForAsync(fixture.Host, "PrivacyOfficer");
        var id = await fixture.ReferenceIncidentIdAsync();
        using var original = await officer.GetAsync($"api/v1/incidents/{Id(id)}");
        var title = (await JsonAsync(original)).GetProperty("summary").GetProperty("title").GetString();
        var nextYear = DateTime.UtcNow.Year + 1;

        using var response = await officer.PutAsync($"api/v1/incidents/{Id(id)}", new
        {
            title = "Outro título", summary = "Resumo", source = "Press", severity = "Low", reportedAt = DateTimeOffset.UtcNow.AddHours(-1),
            discoveredAt = new { year = nextYear, month = 1, precision = "Month" },
        }, "en-US");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("The date cannot be in the future.", Message(await JsonAsync(response), "discoveredAt"));
        using var after = await officer.GetAsync($"api/v1/incidents/{Id(id)}");
        Assert.Equal(title, (await JsonAsync(after)).GetProperty("summary").GetProperty("title").GetString());
    }

    [Fact]
    public async Task Figure_involvement_and_timeline_refusals_name_their_fields_in_the_requested_language()
    {
        using var officer = await ForAsync(fixture.Host, "PrivacyOfficer");
        var id = Id(await fixture.ReferenceIncidentIdAsync());

        using var figure = await officer.PostAsync($"api/v1/incidents/{id}/figures", new { label = "Pessoas", value = -1, unit = "pessoas" }, "en-US");
        using var involvement = await officer.PostAsync($"api/v1/incidents/{id}/involvements", new { uf = "ZZ" }, "pt-BR");
        using var fact = await officer.PostAsync($"api/v1/incidents/{id}/timeline", new { title = "Fato" }, "en-US");

        Assert.Equal(HttpStatusCode.BadRequest, figure.StatusCode);
        var figureProblem = await JsonAsync(figure);
        Assert.Equal("Negative", figureProblem.GetProperty("codes").GetProperty("value").GetString());
        Assert.True(figureProblem.GetProperty("errors").TryGetProperty("source", out _));
        Assert.Equal(HttpStatusCode.BadRequest, involvement.StatusCode);
        Assert.Equal("Unknown", (await JsonAsync(involvement)).GetProperty("codes").GetProperty("uf").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, fact.StatusCode);
        var factProblem = await JsonAsync(fact);
        Assert.Equal("Required.", Message(factProblem, "occurredAt"));
        Assert.Equal("Required.", Message(factProblem, "source"));
    }

    [Fact]
    public async Task A_step_the_workflow_does_not_allow_is_refused_with_409_and_the_reason()
    {
        using var officer = await ForAsync(fixture.Host, "PrivacyOfficer");
        var id = Id(await fixture.ReferenceIncidentIdAsync()); // Investigating

        using var skip = await officer.PostAsync($"api/v1/incidents/{id}/transitions", new { to = "Closed" }, "pt-BR");
        using var english = await officer.PostAsync($"api/v1/incidents/{id}/transitions", new { to = "Closed" }, "en-US");
        using var missing = await officer.PostAsync($"api/v1/incidents/{id}/transitions", new { reason = "sem destino" });

        Assert.Equal(HttpStatusCode.Conflict, skip.StatusCode);
        var problem = await JsonAsync(skip);
        Assert.Equal("NotAllowed", problem.GetProperty("code").GetString());
        Assert.Equal("Essa mudança de situação não é permitida a partir da situação atual.", problem.GetProperty("detail").GetString());
        Assert.Equal("That status change is not allowed from the current status.", (await JsonAsync(english)).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Equal("Required", (await JsonAsync(missing)).GetProperty("codes").GetProperty("to").GetString());
        using var after = await officer.GetAsync($"api/v1/incidents/{id}");
        Assert.Equal("Investigating", (await JsonAsync(after)).GetProperty("summary").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Dismissing_without_a_reason_is_refused_on_the_reason_field()
    {
        using var officer = await ForAsync(fixture.Host, "PrivacyOfficer");
        using var created = await officer.PostAsync("api/v1/incidents", new
        {
            title = "Boato na imprensa", summary = "Nota sem fonte.", source = "Press", severity = "Low", reportedAt = DateTimeOffset.UtcNow.AddMinutes(-5),
        });
        var id = Id((await JsonAsync(created)).GetProperty("id").GetInt32());

        using var refused = await officer.PostAsync($"api/v1/incidents/{id}/transitions", new { to = "Dismissed" }, "en-US");
        using var dismissed = await officer.PostAsync($"api/v1/incidents/{id}/transitions", new { to = "Dismissed", reason = "Sem dados pessoais." });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("Give a reason for this status change.", Message(await JsonAsync(refused), "reason"));
        Assert.Equal(HttpStatusCode.OK, dismissed.StatusCode);
        Assert.Equal("Dismissed", (await JsonAsync(dismissed)).GetProperty("summary").GetProperty("status").GetString());
    }

    private static string? Message(JsonElement problem, string field) =>
        problem.GetProperty("errors").GetProperty(field)[0].GetString();

    private async Task<int> IncidentCountAsync()
    {
        await using var db = fixture.CreateDb();
        return await db.Incidents.CountAsync(Ct);
    }
}
