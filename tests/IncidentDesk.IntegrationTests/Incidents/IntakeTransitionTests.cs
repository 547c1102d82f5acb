using IncidentDesk.Core.Incidents;
using IncidentDesk.Core.Timeline;
using IncidentDesk.Data;
using IncidentDesk.Testing;
using IncidentDesk.Web.Features.Incidents;
using IncidentDesk.Web.Features.Incidents.Intake;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using IncidentDesk.Web.Outcomes;

namespace IncidentDesk.IntegrationTests.Incidents;

/// <summary>Status changes through the register: only what the workflow allows, each one on the timeline and audited.</summary>
public sealed class IntakeTransitionTests(OwnHostFixture fixture) : IClassFixture<OwnHostFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private IncidentDeskHost Host => fixture.Host;

    private async Task<(AsyncServiceScope Scope, IncidentRegisterService Register, int Id)> NewIncidentAsync()
    {
        var officer = await TestAccounts.CreateAsync(Host, "PrivacyOfficer");
        var scope = await Host.ActingAsAsync(officer);
        var register = scope.ServiceProvider.GetRequiredService<IncidentRegisterService>();
        var created = await register.CreateAsync(IntakeTests.Draft(), Ct);
        Assert.True(created.Succeeded);
        return (scope, register, created.Value.Id);
    }

    private async Task<(IncidentStatus Status, List<TimelineEvent> Timeline)> ReadAsync(int id)
    {
        await using var db = await Host.Services.GetRequiredService<FederationWideDb>().CreateDbContextAsync(Ct);
        var incident = await db.Incidents.AsNoTracking().Include(i => i.Timeline).SingleAsync(i => i.Id == id, Ct);
        return (incident.Status, [.. incident.Timeline.OrderBy(e => e.Id)]);
    }

    [Fact]
    public async Task Reported_to_triage_to_investigating_each_leave_a_timeline_event_and_an_audit_entry()
    {
        var (scope, register, id) = await NewIncidentAsync();
        await using var _ = scope;

        Assert.True((await register.TransitionAsync(id, IncidentStatus.Triage, null, Ct)).Succeeded);
        Assert.True((await register.TransitionAsync(id, IncidentStatus.Investigating, "Pesquisadores confirmaram o acesso", Ct)).Succeeded);

        var (status, timeline) = await ReadAsync(id);
        Assert.Equal(IncidentStatus.Investigating, status);
        Assert.Equal(
            ["Incidente registrado", "Situação alterada: Relatado → Triagem", "Situação alterada: Triagem → Em investigação"],
            timeline.Select(e => e.Title));
        Assert.Equal("Pesquisadores confirmaram o acesso", timeline[^1].Description);
        Assert.Equal([TimelineEventKind.Record, TimelineEventKind.Status, TimelineEventKind.Status], timeline.Select(e => e.Kind));
        Assert.All(timeline, e => Assert.False(e.Kind.IsManual()));
        await using var db = await Host.Services.GetRequiredService<FederationWideDb>().CreateDbContextAsync(Ct);
        var entityId = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var updates = await db.AuditEntries.Where(e => e.Action == "Incident.Updated" && e.EntityId == entityId)
            .OrderBy(e => e.Sequence).Select(e => e.Changes).ToListAsync(Ct);
        Assert.Equal(2, updates.Count);
        Assert.Contains("\"Status\":{\"from\":1,\"to\":2}", updates[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dismissal_needs_a_reason_and_a_refusal_changes_nothing()
    {
        var (scope, register, id) = await NewIncidentAsync();
        await using var _ = scope;

        var withoutReason = await register.TransitionAsync(id, IncidentStatus.Dismissed, "   ", Ct);
        var afterRefusal = await ReadAsync(id);
        var withReason = await register.TransitionAsync(id, IncidentStatus.Dismissed, "Relato duplicado de INC-2026-0001", Ct);

        Assert.Equal(nameof(TransitionRefusal.ReasonRequired), RefusalOf(withoutReason));
        Assert.Equal(IncidentStatus.Reported, afterRefusal.Status);
        Assert.Single(afterRefusal.Timeline);
        Assert.True(withReason.Succeeded);
        var (status, timeline) = await ReadAsync(id);
        Assert.Equal(IncidentStatus.Dismissed, status);
        Assert.Equal("Relato duplicado de INC-2026-0001", timeline[^1].Description);
        Assert.Equal(nameof(TransitionRefusal.NotAllowed), RefusalOf(await register.TransitionAsync(id, IncidentStatus.Triage, "reabrir", Ct)));
    }

    [Fact]
    public async Task Skipping_a_step_is_refused_and_reopening_a_closed_incident_needs_a_reason()
    {
        var (scope, register, id) = await NewIncidentAsync();
        await using var _ = scope;

        Assert.Equal(nameof(TransitionRefusal.NotAllowed), RefusalOf(await register.TransitionAsync(id, IncidentStatus.Closed, null, Ct)));
        Assert.Equal(nameof(TransitionRefusal.SameStatus), RefusalOf(await register.TransitionAsync(id, IncidentStatus.Reported, null, Ct)));
        foreach (var to in new[] { IncidentStatus.Triage, IncidentStatus.Investigating, IncidentStatus.Contained, IncidentStatus.Notifying, IncidentStatus.Closed })
        {
            Assert.True((await register.TransitionAsync(id, to, null, Ct)).Succeeded, to.ToString());
        }

        Assert.Equal(nameof(TransitionRefusal.ReasonRequired), RefusalOf(await register.TransitionAsync(id, IncidentStatus.Investigating, null, Ct)));
        Assert.True((await register.TransitionAsync(id, IncidentStatus.Investigating, "Nova reportagem traz fatos novos", Ct)).Succeeded);

        var (status, timeline) = await ReadAsync(id);
        Assert.Equal(IncidentStatus.Investigating, status);
        Assert.Equal(7, timeline.Count);
        Assert.Equal("Situação alterada: Encerrado → Em investigação", timeline[^1].Title);
    }

    [Fact]
    public async Task Unknown_incident_is_not_found()
    {
        var (scope, register, _) = await NewIncidentAsync();
        await using var __ = scope;

        Assert.True((await register.TransitionAsync(int.MaxValue, IncidentStatus.Triage, null, Ct)).IsNotFound);
    }

    [Fact]
    public async Task Auditors_cannot_change_the_status_and_the_attempt_is_audited()
    {
        var (scope, _, id) = await NewIncidentAsync();
        await using var __ = scope;
        var auditor = await TestAccounts.CreateAsync(Host, "Auditor");
        await using var auditorScope = await Host.ActingAsAsync(auditor);
        var register = auditorScope.ServiceProvider.GetRequiredService<IncidentRegisterService>();

        Assert.True((await register.TransitionAsync(id, IncidentStatus.Triage, null, Ct)).IsForbidden);

        Assert.Equal(IncidentStatus.Reported, (await ReadAsync(id)).Status);
        await using var db = await Host.Services.GetRequiredService<FederationWideDb>().CreateDbContextAsync(Ct);
        Assert.Equal(1, await db.AuditEntries.CountAsync(e => e.Action == "Access.Denied" && e.ActorName == auditor.Email, Ct));
    }

    // A missing reason is a refusal of the Reason field; a step the workflow does not allow, a conflict with the status.
    private static string? RefusalOf(Result result) => result.Conflict?.Code ?? (result.Errors.Count > 0 ? result.Errors[0].Code : null);
}
