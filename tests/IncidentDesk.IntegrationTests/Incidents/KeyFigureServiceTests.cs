using System.Globalization;
using IncidentDesk.Core.Incidents;
using IncidentDesk.IntegrationTests.Audit;
using IncidentDesk.Web.Features.Audit;
using IncidentDesk.Web.Features.Incidents;
using IncidentDesk.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentDesk.IntegrationTests.Incidents;

public sealed class KeyFigureServiceTests(OwnHostFixture fixture) : IClassFixture<OwnHostFixture>
{
    private static readonly DateOnly Past = new(2026, 4, 7);

    private static KeyFigureInput Input(string label, decimal value = 140_000m, FigureStatus status = FigureStatus.Claimed) =>
        new(label, value, "mensagens", status, "Relatório dos pesquisadores", Past, "Nota <script>alert(1)</script>");

    [Fact]
    public async Task Add_update_delete_keep_a_history_from_the_audit_trail_and_put_officer_only_events_on_the_timeline()
    {
        var ct = TestContext.Current.CancellationToken;
        var incidentId = await fixture.ReferenceIncidentIdAsync();
        var label = $"Mensagens interceptadas {Guid.NewGuid():N}"[..40];
        await using var scope = ActingAs.Scope(fixture.Host, AppRoles.PrivacyOfficer);
        var figures = scope.ServiceProvider.GetRequiredService<KeyFigureService>();

        var added = await figures.AddAsync(incidentId, Input(label), ct);
        Assert.True(added.Succeeded, added.ToString());
        var id = added.Value;

        var updated = await figures.UpdateAsync(id, Input(label, 150_000m, FigureStatus.Confirmed), ct);
        Assert.True(updated.Succeeded);

        var history = await figures.HistoryAsync(id, ct);
        Assert.NotNull(history);
        Assert.Contains(history, r => r.Kind == KeyFigureHistoryKind.Created && r.Field == "Label" && r.After == label);
        Assert.Contains(history, r => r.Kind == KeyFigureHistoryKind.Created && r.Field == "Status" && r.After == "Claimed");
        var changes = history.Where(r => r.Kind == KeyFigureHistoryKind.Updated).ToList();
        Assert.Equal(2, changes.Count);
        Assert.Contains(changes, r => r.Field == "Value" && r.Before == "140000" && r.After == "150000");
        Assert.Contains(changes, r => r.Field == "Status" && r.Before == "Claimed" && r.After == "Confirmed");
        Assert.All(history, r => Assert.Equal("privacyofficer@federacao.example", r.Who));

        var deleted = await figures.DeleteAsync(id, ct);
        Assert.True(deleted.Succeeded);
        var afterDelete = await figures.HistoryAsync(id, ct);
        Assert.Contains(afterDelete!, r => r.Kind == KeyFigureHistoryKind.Deleted && r.Field == "Value" && r.Before == "150000");

        await using var db = fixture.CreateDb();
        Assert.False(await db.KeyFigures.AnyAsync(f => f.Id == id, ct));
        var events = await db.TimelineEvents.AsNoTracking()
            .Where(e => e.IncidentId == incidentId && e.Title.Contains(label)).OrderBy(e => e.Id).ToListAsync(ct);
        Assert.Equal(3, events.Count);
        Assert.All(events, e => Assert.False(e.SharedWithCoops));
        Assert.All(events, e => Assert.Equal(Core.Timeline.TimelineEventKind.Figure, e.Kind));
        Assert.StartsWith("Número registrado:", events[0].Title, StringComparison.Ordinal);
        Assert.Equal($"Número atualizado: {label} — 150.000 (Alegado → Confirmado)", events[1].Title);
        Assert.StartsWith("Número removido:", events[2].Title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_input_is_refused_with_every_problem_and_writes_nothing()
    {
        var ct = TestContext.Current.CancellationToken;
        var incidentId = await fixture.ReferenceIncidentIdAsync();
        await using var scope = ActingAs.Scope(fixture.Host, AppRoles.PrivacyOfficer);
        var figures = scope.ServiceProvider.GetRequiredService<KeyFigureService>();
        await using var before = fixture.CreateDb();
        var auditBefore = await before.AuditEntries.CountAsync(ct);
        var figuresBefore = await before.KeyFigures.CountAsync(ct);
        var eventsBefore = await before.TimelineEvents.CountAsync(ct);
        var tomorrow = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(-3)).AddDays(2);

        var result = await figures.AddAsync(incidentId,
            new KeyFigureInput("  ", -1m, new string('u', 61), null, new string('s', 301), tomorrow, new string('n', 2001)), ct);

        Assert.False(result.Succeeded);
        Assert.Equal(
            [FigureErrors.LabelRequired, FigureErrors.ValueNegative, FigureErrors.UnitTooLong, FigureErrors.StatusRequired,
             FigureErrors.SourceTooLong, FigureErrors.AsOfFuture, FigureErrors.NoteTooLong],
            result.Errors.Select(e => e.MessageKey));
        var tooLong = await figures.AddAsync(incidentId, Input(new string('l', 201)) with { AsOf = null, Unit = "" }, ct);
        Assert.Equal([FigureErrors.LabelTooLong, FigureErrors.UnitRequired, FigureErrors.AsOfRequired], tooLong.Errors.Select(e => e.MessageKey));

        await using var after = fixture.CreateDb();
        Assert.Equal(auditBefore, await after.AuditEntries.CountAsync(ct));
        Assert.Equal(figuresBefore, await after.KeyFigures.CountAsync(ct));
        Assert.Equal(eventsBefore, await after.TimelineEvents.CountAsync(ct));
    }

    [Theory]
    [InlineData(AppRoles.CoopLiaison)]
    [InlineData(AppRoles.Auditor)]
    public async Task Liaisons_and_auditors_cannot_write_figures_and_the_attempt_is_audited(string role)
    {
        var ct = TestContext.Current.CancellationToken;
        var incidentId = await fixture.ReferenceIncidentIdAsync();
        await using var db = fixture.CreateDb();
        var figure = await db.KeyFigures.AsNoTracking().FirstAsync(f => f.IncidentId == incidentId, ct);
        var coopId = role == AppRoles.CoopLiaison ? await db.Coops.Where(c => c.Code == "SP-004").Select(c => (int?)c.Id).SingleAsync(ct) : null;
        var lastBefore = await db.AuditEntries.MaxAsync(e => e.Sequence, ct);
        await using var scope = ActingAs.Scope(fixture.Host, role, coopId);
        var figures = scope.ServiceProvider.GetRequiredService<KeyFigureService>();

        Assert.True((await figures.AddAsync(incidentId, Input("x"), ct)).IsForbidden);
        Assert.True((await figures.UpdateAsync(figure.Id, Input("x"), ct)).IsForbidden);
        Assert.True((await figures.DeleteAsync(figure.Id, ct)).IsForbidden);

        await using var check = fixture.CreateDb();
        var entries = await check.AuditEntries.AsNoTracking().Where(e => e.Sequence > lastBefore && e.ActorName == $"{role.ToLowerInvariant()}@federacao.example")
            .ToListAsync(ct);
        Assert.Equal(3, entries.Count(e => e.Action == AuditActions.AccessDenied));
        Assert.Contains(entries, e => e.EntityType == "KeyFigure" && e.EntityId == figure.Id.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(figure.Value, (await check.KeyFigures.SingleAsync(f => f.Id == figure.Id, ct)).Value);
        // Reading stays open to whoever sees the incident.
        Assert.NotNull(await figures.ListAsync(incidentId, ct));
    }

    [Fact]
    public async Task A_liaison_of_an_uninvolved_coop_gets_no_figures_and_no_history_and_the_attempt_is_audited()
    {
        var ct = TestContext.Current.CancellationToken;
        var incidentId = await fixture.ReferenceIncidentIdAsync();
        await using var db = fixture.CreateDb();
        var figureId = await db.KeyFigures.Where(f => f.IncidentId == incidentId).Select(f => f.Id).FirstAsync(ct);
        var outsider = await db.Coops.Where(c => c.Code == "AC-001").Select(c => c.Id).SingleAsync(ct);
        await using var scope = ActingAs.Scope(fixture.Host, AppRoles.CoopLiaison, outsider);
        var figures = scope.ServiceProvider.GetRequiredService<KeyFigureService>();

        // Give the figure a history first, as an officer.
        await using (var officer = ActingAs.Scope(fixture.Host, AppRoles.PrivacyOfficer))
        {
            var service = officer.ServiceProvider.GetRequiredService<KeyFigureService>();
            var row = (await service.ListAsync(incidentId, ct))!.Single(f => f.Id == figureId);
            Assert.True((await service.UpdateAsync(figureId,
                new KeyFigureInput(row.Label, row.Value, row.Unit, row.Status, row.Source, row.AsOf, $"{row.Note} (revisto)"), ct)).Succeeded);
        }

        var lastBefore = await db.AuditEntries.MaxAsync(e => e.Sequence, ct);
        Assert.Null(await figures.ListAsync(incidentId, ct));
        Assert.Null(await figures.HistoryAsync(figureId, ct));
        await using var check = fixture.CreateDb();
        Assert.True(await check.AuditEntries.AnyAsync(e => e.Sequence > lastBefore && e.Action == AuditActions.AccessDenied
            && e.EntityType == "KeyFigure" && e.EntityId == figureId.ToString(CultureInfo.InvariantCulture), ct));
    }
}
