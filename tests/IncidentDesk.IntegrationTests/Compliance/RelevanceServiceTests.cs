using IncidentDesk.Testing;
using System.Data.Common;
using System.Globalization;
using IncidentDesk.Core.Compliance.Assessment;
using IncidentDesk.Core.Compliance.Drafts;
using IncidentDesk.Core.Timeline;
using IncidentDesk.IntegrationTests.Incidents;
using IncidentDesk.Web.Features.Audit;
using IncidentDesk.Web.Features.Compliance.Relevance;
using IncidentDesk.Web.Features.Notifications;
using IncidentDesk.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using IncidentDesk.Web.Outcomes;

namespace IncidentDesk.IntegrationTests.Compliance;

/// <summary>
/// The relevance assessment of the reference incident (controllers SP-004, MG-002, GO-001; RJ-001 is none) over the real
/// app and SQLite: versions are appended and kept, the result is the server's, each save is audited and on the timeline,
/// a liaison assesses only for their own co-op, auditors only read, and storage refuses rewriting history.
/// </summary>
public sealed class RelevanceServiceTests(OwnHostFixture fixture) : IClassFixture<OwnHostFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static RelevanceAnswer Relevant(string rationale) =>
        new(true, HarmKinds.Discrimination, RelevanceCriteria.SensitiveData | RelevanceCriteria.SecrecyProtected, false, rationale);

    private async Task<int> CoopIdAsync(string code)
    {
        await using var db = fixture.CreateDb();
        return await db.Coops.Where(c => c.Code == code).Select(c => c.Id).SingleAsync(Ct);
    }

    private static string Key(int incidentId, int coopId) => string.Create(CultureInfo.InvariantCulture, $"{incidentId}/relevance/{coopId}");

    [Fact]
    public async Task An_officer_appends_versions_the_latest_wins_and_each_is_audited_and_on_the_timeline()
    {
        var incidentId = await fixture.ReferenceIncidentIdAsync();
        var sp = await CoopIdAsync("SP-004");
        await using var officer = Audit.ActingAs.Scope(fixture.Host, AppRoles.PrivacyOfficer);
        var relevance = officer.ServiceProvider.GetRequiredService<RelevanceService>();

        var first = await relevance.SaveAsync(incidentId, sp, Relevant("Conversas com dados de saúde expostas."), Ct);
        var second = await relevance.SaveAsync(incidentId, sp,
            new RelevanceAnswer(false, HarmKinds.None, RelevanceCriteria.SensitiveData, true, "Revisto: dados cifrados."), Ct);
        var sheet = await relevance.GetAsync(incidentId, sp, Ct);

        Assert.Equal(ResultStatus.Success, first.Status);
        Assert.Equal(ResultStatus.Success, second.Status);
        Assert.Equal(first.Value.Version + 1, second.Value.Version);
        Assert.Equal(RelevanceResult.MustNotify, first.Value.Result);
        Assert.Equal(RelevanceResult.RecordOnly, second.Value.Result);
        Assert.Equal([second.Value.Version, first.Value.Version], sheet!.History.Take(2).Select(v => v.Version));
        Assert.Equal("Revisto: dados cifrados.", sheet.Latest!.Rationale);
        Assert.True(sheet.Latest.DataUnintelligible);

        await using var db = fixture.CreateDb();
        foreach (var saved in new[] { first.Value, second.Value })
        {
            var id = saved.Id.ToString(CultureInfo.InvariantCulture);
            Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == "RelevanceAssessment.Created" && e.EntityId == id, Ct));
        }

        var titles = await db.TimelineEvents.Where(e => e.IncidentId == incidentId && e.Kind == TimelineEventKind.Record)
            .Select(e => e.Title).ToListAsync(Ct);
        Assert.Contains($"Avaliação de relevância da SP-004: comunicar (v{first.Value.Version})", titles);
        Assert.Contains($"Avaliação de relevância da SP-004: apenas registrar (v{second.Value.Version})", titles);
    }

    [Fact]
    public async Task The_result_is_computed_on_the_server_from_both_criteria()
    {
        var incidentId = await fixture.ReferenceIncidentIdAsync();
        var go = await CoopIdAsync("GO-001");
        await using var officer = Audit.ActingAs.Scope(fixture.Host, AppRoles.PrivacyOfficer);
        var relevance = officer.ServiceProvider.GetRequiredService<RelevanceService>();

        // A without any B item: relevant harm but none of art. 5 II's items, so not to be communicated.
        var saved = await relevance.SaveAsync(incidentId, go, new RelevanceAnswer(true, HarmKinds.Reputation, RelevanceCriteria.None, false, "Só nomes."), Ct);
        var invalid = await relevance.SaveAsync(incidentId, go, Relevant("  "), Ct);

        await using var db = fixture.CreateDb();
        var stored = await db.RelevanceAssessments.AsNoTracking().SingleAsync(a => a.Id == saved.Value.Id, Ct);
        Assert.Equal(RelevanceResult.RecordOnly, stored.Result);
        Assert.Equal(ResultStatus.Invalid, invalid.Status);
        Assert.Equal(RelevanceRules.RationaleRequired, invalid.ErrorCodes[RelevanceRules.Rationale]);
    }

    [Fact]
    public async Task A_liaison_assesses_for_their_own_coop_but_not_for_another_controller_and_the_attempt_is_audited()
    {
        var incidentId = await fixture.ReferenceIncidentIdAsync();
        var mg = await CoopIdAsync("MG-002");
        var sp = await CoopIdAsync("SP-004");
        await using var liaison = Audit.ActingAs.Scope(fixture.Host, AppRoles.CoopLiaison, mg);
        var relevance = liaison.ServiceProvider.GetRequiredService<RelevanceService>();

        var own = await relevance.SaveAsync(incidentId, mg, Relevant("Nossos beneficiários: dados de saúde."), Ct);
        var other = await relevance.SaveAsync(incidentId, sp, Relevant("Tentativa pela SP-004."), Ct);
        var otherSheet = await relevance.GetAsync(incidentId, sp, Ct);
        var coops = await relevance.ControllersAsync(incidentId, Ct);

        Assert.Equal(ResultStatus.Success, own.Status);
        Assert.Equal(ResultStatus.NotFound, other.Status);
        Assert.Null(otherSheet);
        Assert.Equal(["MG-002"], coops!.Select(c => c.Code));
        await using var db = fixture.CreateDb();
        Assert.False(await db.RelevanceAssessments.AnyAsync(a => a.CoopId == sp && a.Rationale == "Tentativa pela SP-004.", Ct));
        var key = Key(incidentId, sp);
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == AuditActions.AccessDenied && e.EntityId == key
            && e.ActorName == "coopliaison@federacao.example", Ct));
    }

    [Fact]
    public async Task An_auditor_reads_but_is_refused_writing_and_the_refusal_is_audited()
    {
        var incidentId = await fixture.ReferenceIncidentIdAsync();
        var sp = await CoopIdAsync("SP-004");
        await using var auditor = Audit.ActingAs.Scope(fixture.Host, AppRoles.Auditor);
        var relevance = auditor.ServiceProvider.GetRequiredService<RelevanceService>();

        var sheet = await relevance.GetAsync(incidentId, sp, Ct);
        Assert.True((await relevance.SaveAsync(incidentId, sp, Relevant("Auditor."), Ct)).IsForbidden);

        Assert.NotNull(sheet);
        Assert.False(sheet.CanWrite);
        await using var db = fixture.CreateDb();
        var key = Key(incidentId, sp);
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == AuditActions.AccessDenied && e.EntityId == key && e.ActorName == "auditor@federacao.example", Ct));
        Assert.False(await db.RelevanceAssessments.AnyAsync(a => a.Rationale == "Auditor.", Ct));
    }

    [Fact]
    public async Task A_coop_that_is_not_a_controller_cannot_be_assessed()
    {
        var incidentId = await fixture.ReferenceIncidentIdAsync();
        var rj = await CoopIdAsync("RJ-001");
        await using var officer = Audit.ActingAs.Scope(fixture.Host, AppRoles.PrivacyOfficer);
        var relevance = officer.ServiceProvider.GetRequiredService<RelevanceService>();

        var result = await relevance.SaveAsync(incidentId, rj, Relevant("Não é controladora."), Ct);

        Assert.Equal(ResultStatus.NotFound, result.Status);
        Assert.Null(await relevance.GetAsync(incidentId, rj, Ct));
        await using var db = fixture.CreateDb();
        Assert.False(await db.RelevanceAssessments.AnyAsync(a => a.CoopId == rj, Ct));
    }

    [Fact]
    public async Task Stored_assessments_cannot_be_rewritten_or_deleted()
    {
        var incidentId = await fixture.ReferenceIncidentIdAsync();
        var go = await CoopIdAsync("GO-001");
        await using var officer = Audit.ActingAs.Scope(fixture.Host, AppRoles.PrivacyOfficer);
        var saved = await officer.ServiceProvider.GetRequiredService<RelevanceService>().SaveAsync(incidentId, go, Relevant("Original."), Ct);
        var id = saved.Value.Id;

        // Past the app, as someone with direct access to the database: the storage itself refuses.
        await Assert.ThrowsAnyAsync<DbException>(() => RawSql.ExecuteAsync(fixture.Host,
            $"UPDATE \"RelevanceAssessments\" SET \"Result\" = 1, \"Rationale\" = 'reescrito' WHERE \"Id\" = {id}"));
        await Assert.ThrowsAnyAsync<DbException>(() => RawSql.ExecuteAsync(fixture.Host, $"DELETE FROM \"RelevanceAssessments\" WHERE \"Id\" = {id}"));

        await using var db = fixture.CreateDb();

        var stored = await db.RelevanceAssessments.AsNoTracking().SingleAsync(a => a.Id == id, Ct);
        Assert.Equal("Original.", stored.Rationale);
        Assert.Equal(RelevanceResult.MustNotify, stored.Result);
    }

    [Fact]
    public async Task The_incident_record_states_the_latest_assessment()
    {
        var incidentId = await fixture.ReferenceIncidentIdAsync();
        var mg = await CoopIdAsync("MG-002");
        await using var officer = Audit.ActingAs.Scope(fixture.Host, AppRoles.PrivacyOfficer);
        var saved = await officer.ServiceProvider.GetRequiredService<RelevanceService>()
            .SaveAsync(incidentId, mg, new RelevanceAnswer(false, HarmKinds.None, RelevanceCriteria.None, true, "Sem dados de MG expostos."), Ct);

        var record = await officer.ServiceProvider.GetRequiredService<DraftService>().GenerateAsync(incidentId, mg, DraftKind.IncidentRecord, Ct);

        Assert.NotNull(record);
        Assert.Contains($"Resultado: **{RelevanceWording.Result(RelevanceResult.RecordOnly)}** (versão {saved.Value.Version}", record.Markdown, StringComparison.Ordinal);
        Assert.Contains("Fundamentação: Sem dados de MG expostos.", record.Markdown, StringComparison.Ordinal);
        Assert.Contains($"Não comunicado: a avaliação de relevância (versão {saved.Value.Version})", record.Markdown, StringComparison.Ordinal);
        Assert.DoesNotContain(record.Missing, m => m.Code == MissingCodes.RelevanceNotAssessed);
        // The assessment's own timeline event is no communication made.
        Assert.Contains("Nenhuma comunicação registrada até o momento", record.Markdown, StringComparison.Ordinal);
    }
}
