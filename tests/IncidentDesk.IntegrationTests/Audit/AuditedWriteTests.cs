using IncidentDesk.Core.Timeline;
using IncidentDesk.Data;
using IncidentDesk.Data.Audit;
using IncidentDesk.IntegrationTests.Incidents;
using IncidentDesk.Testing;
using IncidentDesk.Web.Features.Audit;
using IncidentDesk.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentDesk.IntegrationTests.Audit;

/// <summary>
/// The audited write is the only write: a context the app hands out refuses every way of changing data that skips the
/// audit chain (a plain save, a bulk update or delete, raw SQL, a transaction that never described itself), and nothing
/// reaches the database when it refuses. Through the audit trail the same change lands with its entry.
/// </summary>
public sealed class AuditedWriteTests(OwnHostFixture fixture) : IClassFixture<OwnHostFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_plain_save_is_refused_and_writes_nothing()
    {
        await using var scope = await OfficerAsync();
        await using var db = await ContextOf(scope);
        var title = Marker();
        db.TimelineEvents.Add(Event(await fixture.ReferenceIncidentIdAsync(), title));

        await Assert.ThrowsAsync<UnauditedWriteException>(() => db.SaveChangesAsync(Ct));
        Assert.Throws<UnauditedWriteException>(() => db.SaveChanges());

        Assert.False(await EventExistsAsync(title));
    }

    [Fact]
    public async Task Bulk_updates_deletes_and_raw_sql_are_refused_and_change_nothing()
    {
        await using var scope = await OfficerAsync();
        await using var db = await ContextOf(scope);
        var incidentId = await fixture.ReferenceIncidentIdAsync();
        var before = await TitleAsync(incidentId);

        await Assert.ThrowsAsync<UnauditedWriteException>(() =>
            db.Incidents.Where(i => i.Id == incidentId).ExecuteUpdateAsync(s => s.SetProperty(i => i.Title, "reescrito"), Ct));
        await Assert.ThrowsAsync<UnauditedWriteException>(() => db.KeyFigures.Where(f => f.IncidentId == incidentId).ExecuteDeleteAsync(Ct));
        await Assert.ThrowsAsync<UnauditedWriteException>(() =>
            db.Database.ExecuteSqlRawAsync("UPDATE \"Incidents\" SET \"Title\" = 'reescrito'", Ct));

        Assert.Equal(before, await TitleAsync(incidentId));
        await using var check = fixture.CreateDb();
        Assert.True(await check.KeyFigures.AnyAsync(f => f.IncidentId == incidentId, Ct));
    }

    [Fact]
    public async Task A_transaction_that_appends_no_audit_entry_is_refused_at_commit_and_rolled_back()
    {
        await using var scope = await OfficerAsync();
        var audit = scope.ServiceProvider.GetRequiredService<AuditLog>();
        await using var db = await ContextOf(scope);
        var title = Marker();

        await using (var transaction = await audit.BeginTransactionAsync(db, Ct))
        {
            db.TimelineEvents.Add(Event(await fixture.ReferenceIncidentIdAsync(), title));
            await db.SaveChangesAsync(Ct);
            await Assert.ThrowsAsync<UnauditedWriteException>(() => transaction.CommitAsync(Ct));
        }

        Assert.False(await EventExistsAsync(title));
    }

    [Fact]
    public async Task Through_the_audit_trail_the_change_lands_with_its_entry_under_the_person()
    {
        await using var scope = await OfficerAsync();
        await using var db = await ContextOf(scope);
        var title = Marker();
        db.TimelineEvents.Add(Event(await fixture.ReferenceIncidentIdAsync(), title));

        await scope.ServiceProvider.GetRequiredService<AuditLog>().SaveChangesAsync(db, cancellationToken: Ct);

        await using var check = fixture.CreateDb();
        var saved = await check.TimelineEvents.SingleAsync(e => e.Title == title, Ct);
        var entry = await check.AuditEntries.SingleAsync(
            e => e.EntityType == nameof(TimelineEvent) && e.EntityId == saved.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), Ct);
        Assert.Equal("TimelineEvent.Created", entry.Action);
        Assert.Equal(IncidentDeskHost.OfficerEmail, entry.ActorName);
    }

    private async Task<AsyncServiceScope> OfficerAsync() => await fixture.Host.ActingAsAsync(IncidentDeskHost.OfficerEmail);

    private static Task<IncidentDeskDbContext> ContextOf(AsyncServiceScope scope) =>
        scope.ServiceProvider.GetRequiredService<IDbContextFactory<IncidentDeskDbContext>>().CreateDbContextAsync(Ct);

    private static string Marker() => $"audited-write-{Guid.NewGuid():N}";

    private static TimelineEvent Event(int incidentId, string title) => new()
    {
        IncidentId = incidentId, Title = title, Source = "teste", Kind = TimelineEventKind.Fact,
        OccurredAtUtc = DateTime.UtcNow, RecordedAtUtc = DateTime.UtcNow, RecordedBy = "teste",
    };

    private async Task<bool> EventExistsAsync(string title)
    {
        await using var db = fixture.CreateDb();
        return await db.TimelineEvents.AnyAsync(e => e.Title == title, Ct);
    }

    private async Task<string> TitleAsync(int incidentId)
    {
        await using var db = fixture.CreateDb();
        return await db.Incidents.Where(i => i.Id == incidentId).Select(i => i.Title).SingleAsync(Ct);
    }
}
