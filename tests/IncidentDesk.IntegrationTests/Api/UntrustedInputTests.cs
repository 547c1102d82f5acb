using System.Net;
using IncidentDesk.IntegrationTests.Incidents;
using IncidentDesk.Testing;
using IncidentDesk.Web.Features.Incidents.Intake;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static IncidentDesk.IntegrationTests.Api.ApiClient;

namespace IncidentDesk.IntegrationTests.Api;

/// <summary>
/// Dates and text the desk cannot trust are refused with the field named, never guessed: an instant without its offset
/// would be read three hours off Brasília (and a deadline counted from it would be wrong); a control character is
/// invisible on screen, breaks XML-based exports and was never meant by the person who typed it.
/// </summary>
public sealed class UntrustedInputTests(OwnHostFixture fixture) : IClassFixture<OwnHostFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_instant_without_an_offset_is_refused_naming_the_field_and_the_format()
    {
        using var officer = await ForAsync(fixture.Host, "PrivacyOfficer");
        using var naive = await officer.PostAsync("api/v1/incidents", Incident("Sem fuso", "2026-03-01T10:00:00"));

        Assert.Equal(HttpStatusCode.BadRequest, naive.StatusCode);
        var problem = await JsonAsync(naive);
        Assert.Equal("OffsetRequired", problem.GetProperty("codes").GetProperty("reportedAt").GetString());
        Assert.Contains("2026-03-01T10:00:00-03:00", problem.GetProperty("errors").GetProperty("reportedAt")[0].GetString(), StringComparison.Ordinal);

        using var brasilia = await officer.PostAsync("api/v1/incidents", Incident("Com fuso", "2026-03-01T10:00:00-03:00"));
        using var utc = await officer.PostAsync("api/v1/incidents", Incident("Em UTC", "2026-03-01T13:00:00Z"));
        Assert.Equal(HttpStatusCode.Created, brasilia.StatusCode);
        Assert.Equal(HttpStatusCode.Created, utc.StatusCode);
        await using var db = fixture.CreateDb();
        Assert.False(await db.Incidents.AnyAsync(i => i.Title == "Sem fuso", Ct));
        var stored = await db.Incidents.Where(i => i.Title == "Com fuso" || i.Title == "Em UTC").Select(i => i.ReportedAtUtc).ToListAsync(Ct);
        Assert.All(stored, at => Assert.Equal(new DateTime(2026, 3, 1, 13, 0, 0), at));
    }

    [Theory]
    [InlineData("title", "Broker\u0000exposto")]
    [InlineData("summary", "Conversas\u000bexpostas.")]
    [InlineData("reporterName", "Pesquisador\u001b")]
    public async Task A_control_character_in_any_text_of_the_api_is_refused_naming_the_field(string field, string text)
    {
        using var officer = await ForAsync(fixture.Host, "PrivacyOfficer");
        var body = new Dictionary<string, object?>
        {
            ["title"] = "Controle", ["summary"] = "Teste.", ["source"] = "SecurityResearcher", ["severity"] = "Low",
            ["reportedAt"] = "2026-03-01T10:00:00-03:00",
        };
        body[field] = text;

        using var refused = await officer.PostAsync("api/v1/incidents", body);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("ControlCharacter", (await JsonAsync(refused)).GetProperty("codes").GetProperty(field).GetString());
        await using var db = fixture.CreateDb();
        Assert.False(await db.Incidents.AnyAsync(i => i.Summary == "Teste." && i.Title == "Controle", Ct));
    }

    [Fact]
    public async Task Tab_and_line_breaks_are_text_and_pass()
    {
        using var officer = await ForAsync(fixture.Host, "PrivacyOfficer");
        using var created = await officer.PostAsync("api/v1/incidents", new Dictionary<string, object?>
        {
            ["title"] = "Quebras de linha", ["summary"] = "Linha 1\r\nLinha 2\n\tRecuada", ["source"] = "InternalDetection",
            ["severity"] = "Low", ["reportedAt"] = "2026-03-01T10:00:00-03:00",
        });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
    }

    [Fact]
    public async Task The_intake_form_refuses_a_pasted_control_character_naming_the_field()
    {
        var officer = await TestAccounts.CreateAsync(fixture.Host, "PrivacyOfficer");
        await using var scope = await fixture.Host.ActingAsAsync(officer);
        var intake = scope.ServiceProvider.GetRequiredService<IncidentIntakeService>();
        var form = IntakeTests.Draft("Colado\u000bdo editor");

        var result = await intake.CreateAsync(form, Ct);

        Assert.False(result.Succeeded);
        Assert.Equal("ControlCharacter", result.ErrorOf(nameof(IncidentFormModel.Title))?.Code);
    }

    private static Dictionary<string, object?> Incident(string title, string reportedAt) => new()
    {
        ["title"] = title, ["summary"] = "Teste de fuso.", ["source"] = "InternalDetection", ["severity"] = "Low", ["reportedAt"] = reportedAt,
    };
}
