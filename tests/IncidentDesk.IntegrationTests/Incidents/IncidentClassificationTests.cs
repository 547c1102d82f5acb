using System.Net;
using IncidentDesk.Core.Compliance.Drafts;
using IncidentDesk.Core.Incidents;
using IncidentDesk.Testing;
using IncidentDesk.Web.Features.Incidents;
using IncidentDesk.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static IncidentDesk.IntegrationTests.Api.ApiClient;

namespace IncidentDesk.IntegrationTests.Incidents;

/// <summary>
/// The classification the ANPD form asks for — incident type, impact on the data, measures in place before — is recorded on
/// the incident, reaches every controller's draft, and is never wiped by an edit that does not mention it.
/// </summary>
public sealed class IncidentClassificationTests(OwnHostFixture fixture) : IClassFixture<OwnHostFixture>
{
    private const string Measures = "Criptografia em trânsito; acesso ao cluster restrito à rede interna.";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Classifying_the_reference_incident_removes_those_gaps_from_the_controller_drafts_and_states_them()
    {
        var incidentId = await fixture.ReferenceIncidentIdAsync();
        int coopId;
        await using (var db = fixture.CreateDb())
        {
            coopId = await db.CoopInvolvements.Where(v => v.IncidentId == incidentId && v.Role == InvolvementRole.ControllerAffected)
                .OrderBy(v => v.Coop!.Code).Select(v => v.CoopId).FirstAsync(Ct);
        }

        var officer = await TestAccounts.CreateAsync(fixture.Host, "PrivacyOfficer");
        await using var scope = await fixture.Host.ActingAsAsync(officer);
        var drafts = scope.ServiceProvider.GetRequiredService<DraftService>();
        var before = await drafts.GenerateAsync(incidentId, coopId, DraftKind.AnpdComplete, Ct);
        Assert.Contains(before!.Missing, m => m.Code == MissingCodes.PriorMeasuresUnknown);

        var register = scope.ServiceProvider.GetRequiredService<IncidentRegisterService>();
        var draft = (await register.GetDraftAsync(incidentId, Ct)).Value;
        Assert.Equal(IncidentType.MisconfigurationExposure, draft.Type);
        draft.MeasuresBefore = Measures;
        draft.Impact = CiaImpact.Confidentiality | CiaImpact.Integrity;
        var result = await register.UpdateAsync(incidentId, draft, cancellationToken: Ct);
        Assert.True(result.Succeeded);
        Assert.Equal(["Impacto (confidencialidade, integridade, disponibilidade)", "Medidas de segurança anteriores"], result.Value);

        var after = await drafts.GenerateAsync(incidentId, coopId, DraftKind.AnpdComplete, Ct);
        Assert.DoesNotContain(after!.Missing, m => m.Code is MissingCodes.PriorMeasuresUnknown or MissingCodes.IncidentTypeUnknown
            or MissingCodes.CiaImpactUnknown);
        Assert.Contains(Measures, after.Markdown, StringComparison.Ordinal);
        Assert.Contains("configuração incorreta — serviço desprotegido exposto à internet", after.Markdown, StringComparison.Ordinal);
        Assert.Contains("confidencialidade; integridade", after.Markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_api_replace_that_omits_the_classification_keeps_it_and_an_empty_text_clears_the_measures()
    {
        using var officer = await ForAsync(fixture.Host, "PrivacyOfficer");
        var reportedAt = DateTimeOffset.UtcNow.AddHours(-1);
        using var created = await officer.PostAsync("api/v1/incidents", new
        {
            title = "Backup exposto", summary = "Bucket público com cópias de prontuários.", source = "InternalDetection", severity = "High",
            reportedAt, type = "MisconfigurationExposure", impact = "Confidentiality, Availability", measuresBefore = Measures,
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await JsonAsync(created)).GetProperty("id").GetInt32();

        using var replaced = await officer.PutAsync($"api/v1/incidents/{Id(id)}", new
        {
            title = "Backup exposto em bucket público", summary = "Bucket público com cópias de prontuários.", source = "InternalDetection",
            severity = "Critical", reportedAt,
        });
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        var overview = await JsonAsync(replaced);
        Assert.Equal("MisconfigurationExposure", overview.GetProperty("type").GetString());
        Assert.Equal("Confidentiality, Availability", overview.GetProperty("impact").GetString());
        Assert.Equal(Measures, overview.GetProperty("measuresBefore").GetString());

        using var cleared = await officer.PutAsync($"api/v1/incidents/{Id(id)}", new
        {
            title = "Backup exposto em bucket público", summary = "Bucket público com cópias de prontuários.", source = "InternalDetection",
            severity = "Critical", reportedAt, measuresBefore = "",
        });
        Assert.Equal(HttpStatusCode.OK, cleared.StatusCode);
        await using var db = fixture.CreateDb();
        var stored = await db.Incidents.AsNoTracking().SingleAsync(i => i.Id == id, Ct);
        Assert.Null(stored.MeasuresBefore);
        Assert.Equal(IncidentType.MisconfigurationExposure, stored.Type);
    }

    [Fact]
    public async Task An_unknown_incident_type_and_overlong_measures_are_refused_naming_the_field()
    {
        using var officer = await ForAsync(fixture.Host, "PrivacyOfficer");
        var reportedAt = DateTimeOffset.UtcNow.AddHours(-1);
        using var unknownType = await officer.PostAsync("api/v1/incidents", new
        {
            title = "Teste", summary = "Teste.", source = "InternalDetection", severity = "Low", reportedAt, type = "Earthquake",
        });
        Assert.Equal(HttpStatusCode.BadRequest, unknownType.StatusCode);
        Assert.Equal("Unreadable", (await JsonAsync(unknownType)).GetProperty("codes").GetProperty("type").GetString());

        using var overlong = await officer.PostAsync("api/v1/incidents", new
        {
            title = "Teste", summary = "Teste.", source = "InternalDetection", severity = "Low", reportedAt,
            measuresBefore = new string('m', Incident.MeasuresBeforeMax + 1),
        });
        Assert.Equal(HttpStatusCode.BadRequest, overlong.StatusCode);
        Assert.Equal("TooLong", (await JsonAsync(overlong)).GetProperty("codes").GetProperty("measuresBefore").GetString());
        await using var db = fixture.CreateDb();
        Assert.False(await db.Incidents.AnyAsync(i => i.Title == "Teste", Ct));
    }
}
