using IncidentDesk.Web.Features.Incidents.Figures;
using IncidentDesk.Web.Features.Incidents.Involvement;
using System.Globalization;
using IncidentDesk.Core.Incidents;
using IncidentDesk.IntegrationTests.Audit;
using IncidentDesk.Web.Features.Audit;
using IncidentDesk.Web.Features.Incidents;
using IncidentDesk.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentDesk.IntegrationTests.Incidents;

public sealed class InvolvementServiceTests(OwnHostFixture fixture) : IClassFixture<OwnHostFixture>
{
    [Fact]
    public async Task Bulk_add_by_uf_adds_exactly_that_ufs_active_coops_skips_the_involved_one_and_writes_one_summary_and_one_event()
    {
        var ct = TestContext.Current.CancellationToken;
        var incidentId = await fixture.ReferenceIncidentIdAsync();
        await using var db = fixture.CreateDb();
        var spCoops = await db.Coops.Where(c => c.Uf == "SP" && c.IsActive).Select(c => c.Id).ToListAsync(ct);
        var sp004 = await db.CoopInvolvements.Include(v => v.Coop).SingleAsync(v => v.IncidentId == incidentId && v.Coop!.Code == "SP-004", ct);
        var knowledge = await db.Incidents.Where(i => i.Id == incidentId).Select(i => i.KnowledgeAtUtc).SingleAsync(ct);
        var lastBefore = await db.AuditEntries.MaxAsync(e => e.Sequence, ct);
        await using var scope = ActingAs.Scope(fixture.Host, AppRoles.PrivacyOfficer);
        var involvement = scope.ServiceProvider.GetRequiredService<InvolvementService>();

        var result = await involvement.AddByUfAsync(incidentId, "sp", InvolvementRole.UnderAssessment, ct);

        Assert.True(result.Succeeded);
        Assert.Equal(spCoops.Count - 1, result.Value);
        await using var check = fixture.CreateDb();
        var rows = await check.CoopInvolvements.AsNoTracking().Include(v => v.Coop).Where(v => v.IncidentId == incidentId).ToListAsync(ct);
        Assert.Equal(spCoops.Order(), rows.Where(v => v.Coop!.Uf == "SP").Select(v => v.CoopId).Order());
        var kept = rows.Single(v => v.Id == sp004.Id);
        Assert.Equal(InvolvementRole.ControllerAffected, kept.Role);
        Assert.All(rows.Where(v => v.Coop!.Uf == "SP" && v.Id != sp004.Id), v =>
        {
            Assert.Equal(InvolvementRole.UnderAssessment, v.Role);
            Assert.Equal(knowledge, v.KnowledgeAtUtc);
        });
        var entries = await check.AuditEntries.AsNoTracking().Where(e => e.Sequence > lastBefore && e.ActorName == "privacyofficer@federacao.example")
            .ToListAsync(ct);
        var summary = Assert.Single(entries);
        Assert.Equal(AuditActions.InvolvementsBulkAdded, summary.Action);
        Assert.Contains($"\"count\":{spCoops.Count - 1}", summary.Changes, StringComparison.Ordinal);
        Assert.Contains("\"criterion\":\"UF\"", summary.Changes, StringComparison.Ordinal);
        Assert.True(await check.TimelineEvents.AnyAsync(e => e.IncidentId == incidentId && !e.SharedWithCoops
            && e.Title == $"{spCoops.Count - 1} cooperativas de SP adicionadas (em avaliação)", ct));

        // Again: nothing left to add, nothing written.
        var again = await involvement.AddByUfAsync(incidentId, "SP", InvolvementRole.UnderAssessment, ct);
        Assert.True(again.Succeeded);
        Assert.Equal(0, again.Value);
    }

    [Fact]
    public async Task Changing_the_knowledge_time_needs_a_reason_and_then_is_stored_with_a_timeline_event_and_the_reason_audited()
    {
        var ct = TestContext.Current.CancellationToken;
        var incidentId = await fixture.ReferenceIncidentIdAsync();
        await using var db = fixture.CreateDb();
        var go = await db.CoopInvolvements.AsNoTracking().Include(v => v.Coop)
            .SingleAsync(v => v.IncidentId == incidentId && v.Coop!.Code == "GO-001", ct);
        await using var scope = ActingAs.Scope(fixture.Host, AppRoles.PrivacyOfficer);
        var involvement = scope.ServiceProvider.GetRequiredService<InvolvementService>();
        var later = go.KnowledgeAtUtc.AddHours(20);
        var auditBefore = await db.AuditEntries.CountAsync(ct);

        var noReason = await involvement.UpdateAsync(go.Id, go.Role, later, "  ", go.Notes, ct);
        var future = await involvement.UpdateAsync(go.Id, go.Role, DateTime.UtcNow.AddDays(1), "motivo", go.Notes, ct);

        Assert.Equal([FigureErrors.ReasonRequired], noReason.Errors.Select(e => e.MessageKey));
        Assert.Equal([FigureErrors.KnowledgeFuture], future.Errors.Select(e => e.MessageKey));
        await using (var unchanged = fixture.CreateDb())
        {
            Assert.Equal(go.KnowledgeAtUtc, (await unchanged.CoopInvolvements.SingleAsync(v => v.Id == go.Id, ct)).KnowledgeAtUtc);
            Assert.Equal(auditBefore, await unchanged.AuditEntries.CountAsync(ct));
        }

        const string Reason = "A GO-001 só recebeu o e-mail dos pesquisadores no dia seguinte <b>";
        var saved = await involvement.UpdateAsync(go.Id, go.Role, later, Reason, go.Notes, ct);

        Assert.True(saved.Succeeded);
        await using var check = fixture.CreateDb();
        Assert.Equal(later, (await check.CoopInvolvements.SingleAsync(v => v.Id == go.Id, ct)).KnowledgeAtUtc);
        var local = later.AddHours(-3).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);
        var timelineEvent = await check.TimelineEvents.AsNoTracking().SingleAsync(
            e => e.IncidentId == incidentId && e.Title.StartsWith("Ciência da GO-001"), ct);
        Assert.Equal($"Ciência da GO-001 alterada para {local} — motivo: {Reason}", timelineEvent.Title);
        Assert.False(timelineEvent.SharedWithCoops);
        var audited = await check.AuditEntries.AsNoTracking()
            .SingleAsync(e => e.Action == AuditActions.InvolvementKnowledgeChanged && e.EntityId == go.Id.ToString(CultureInfo.InvariantCulture), ct);
        using (var changes = System.Text.Json.JsonDocument.Parse(audited.Changes!))
        {
            Assert.Equal(Reason, changes.RootElement.GetProperty("reason").GetString());
        }

        Assert.True(await check.AuditEntries.AnyAsync(e => e.Action == "CoopInvolvement.Updated" && e.EntityId == audited.EntityId, ct));
    }

    [Fact]
    public async Task An_added_coops_liaison_then_sees_the_incident_with_only_their_own_involvement_and_removal_takes_it_away()
    {
        var ct = TestContext.Current.CancellationToken;
        var incidentId = await fixture.ReferenceIncidentIdAsync();
        await using var db = fixture.CreateDb();
        var rr = await db.Coops.AsNoTracking().SingleAsync(c => c.Code == "RR-001", ct);
        await using var officer = ActingAs.Scope(fixture.Host, AppRoles.PrivacyOfficer);
        var involvement = officer.ServiceProvider.GetRequiredService<InvolvementService>();
        await using var liaison = ActingAs.Scope(fixture.Host, AppRoles.CoopLiaison, rr.Id);
        var read = liaison.ServiceProvider.GetRequiredService<IncidentService>();
        Assert.Null(await read.GetOverviewAsync(incidentId, ct));

        var added = await involvement.AddAsync(incidentId, [rr.Id], InvolvementRole.Operator, ct);

        Assert.Equal(1, added.Value);
        var overview = await read.GetOverviewAsync(incidentId, ct);
        Assert.NotNull(overview);
        var own = Assert.Single(overview.Involvements);
        Assert.Equal("RR-001", own.Code);
        Assert.Equal(InvolvementRole.Operator, own.Role);
        Assert.DoesNotContain(overview.Timeline, e => e.Title.Contains("RR-001", StringComparison.Ordinal));
        var liaisonList = await liaison.ServiceProvider.GetRequiredService<InvolvementService>().ListAsync(incidentId, ct);
        Assert.Equal("RR-001", Assert.Single(liaisonList!).Code);

        var row = (await involvement.ListAsync(incidentId, ct))!.Single(v => v.Code == "RR-001");
        Assert.True((await involvement.RemoveAsync(row.Id, ct)).Succeeded);
        Assert.Null(await read.GetOverviewAsync(incidentId, ct));
        await using var check = fixture.CreateDb();
        Assert.True(await check.TimelineEvents.AnyAsync(e => e.IncidentId == incidentId && e.Title == "RR-001 removida do incidente (era operadora)", ct));
    }

    [Theory]
    [InlineData(AppRoles.CoopLiaison)]
    [InlineData(AppRoles.Auditor)]
    public async Task Liaisons_and_auditors_cannot_change_involvement_and_the_attempt_is_audited(string role)
    {
        var ct = TestContext.Current.CancellationToken;
        var incidentId = await fixture.ReferenceIncidentIdAsync();
        await using var db = fixture.CreateDb();
        var mg = await db.CoopInvolvements.AsNoTracking().Include(v => v.Coop).SingleAsync(v => v.IncidentId == incidentId && v.Coop!.Code == "MG-002", ct);
        var lastBefore = await db.AuditEntries.MaxAsync(e => e.Sequence, ct);
        await using var scope = ActingAs.Scope(fixture.Host, role, role == AppRoles.CoopLiaison ? mg.CoopId : null);
        var involvement = scope.ServiceProvider.GetRequiredService<InvolvementService>();

        Assert.True((await involvement.AddAllAsync(incidentId, InvolvementRole.UnderAssessment, ct)).IsForbidden);
        Assert.True((await involvement.UpdateAsync(mg.Id, InvolvementRole.NotAffected, mg.KnowledgeAtUtc, null, null, ct)).IsForbidden);
        Assert.True((await involvement.RemoveAsync(mg.Id, ct)).IsForbidden);

        await using var check = fixture.CreateDb();
        Assert.Equal(3, await check.AuditEntries.CountAsync(e => e.Sequence > lastBefore && e.Action == AuditActions.AccessDenied
            && e.ActorName == $"{role.ToLowerInvariant()}@federacao.example", ct));
        Assert.Equal(InvolvementRole.ControllerAffected, (await check.CoopInvolvements.SingleAsync(v => v.Id == mg.Id, ct)).Role);
    }
}
