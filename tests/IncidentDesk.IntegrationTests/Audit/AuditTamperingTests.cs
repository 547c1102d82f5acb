using System.Data.Common;
using IncidentDesk.Core.Audit;
using IncidentDesk.Data;
using IncidentDesk.IntegrationTests.Operators;
using IncidentDesk.Testing;
using IncidentDesk.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using IncidentDesk.Data.Audit;

namespace IncidentDesk.IntegrationTests.Audit;

/// <summary>
/// Someone with access to the database file edits or deletes audit entries directly in the database. Each test
/// that tampers uses a host of its own, so the shared host's chain stays intact.
/// </summary>
public sealed class AuditTamperingTests(AppFixture app)
{
    private static readonly AuditActor Tester = new(null, "tamper-test");

    [Fact]
    public async Task Editing_a_middle_entrys_changes_in_the_database_breaks_verification_at_exactly_that_entry()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = new IncidentDeskHost().Start();
        var entries = await AppendEntriesAsync(host, 5, ct);
        var target = entries[2];
        Assert.Equal(0, (await OperatorCli.RunAsync(host, "audit", "verify")).ExitCode);

        await RawSql.ExecuteAsync(host,
            RawSql.DropAuditGuard(delete: false),
            $"UPDATE \"AuditEntries\" SET \"Changes\" = '{{\"Amount\":{{\"from\":1,\"to\":2}}}}' WHERE \"Sequence\" = {target.Sequence};");

        var result = await VerifyAsync(host, ct);
        Assert.False(result.IsIntact);
        Assert.Equal(target.Sequence, result.FirstBrokenSequence);
        Assert.Equal(target.Id, result.FirstBrokenId);
        Assert.Equal(target.Sequence - 1, result.EntriesChecked);

        var cli = await OperatorCli.RunAsync(host, "audit", "verify");
        Assert.Equal(2, cli.ExitCode);
        Assert.Contains($"broken at sequence {target.Sequence} (entry id {target.Id})", cli.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deleting_a_middle_entry_in_the_database_breaks_verification_at_the_next_sequence()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = new IncidentDeskHost().Start();
        var entries = await AppendEntriesAsync(host, 5, ct);
        var removed = entries[2];
        var successor = entries[3];

        await RawSql.ExecuteAsync(host,
            RawSql.DropAuditGuard(delete: true),
            $"DELETE FROM \"AuditEntries\" WHERE \"Sequence\" = {removed.Sequence};");

        var result = await VerifyAsync(host, ct);
        Assert.False(result.IsIntact);
        Assert.Equal(removed.Sequence, result.FirstBrokenSequence);
        Assert.Equal(successor.Id, result.FirstBrokenId);
        Assert.Contains("missing", result.Problem, StringComparison.Ordinal);
        Assert.Equal(2, (await OperatorCli.RunAsync(host, "audit", "verify")).ExitCode);
    }

    [Fact]
    public async Task Stored_entries_cannot_be_updated_or_deleted_while_the_triggers_stand()
    {
        var ct = TestContext.Current.CancellationToken;
        var entries = await AppendEntriesAsync(app.Host, 1, ct);
        var target = entries[0];

        var update = await Assert.ThrowsAnyAsync<DbException>(() =>
            RawSql.ExecuteAsync(app.Host, $"UPDATE \"AuditEntries\" SET \"ActorName\" = 'someone else' WHERE \"Id\" = {target.Id};"));
        var delete = await Assert.ThrowsAnyAsync<DbException>(() =>
            RawSql.ExecuteAsync(app.Host, $"DELETE FROM \"AuditEntries\" WHERE \"Id\" = {target.Id};"));

        Assert.Contains("append-only", update.Message, StringComparison.Ordinal);
        Assert.Contains("append-only", delete.Message, StringComparison.Ordinal);
        await using var db = CreateDb(app.Host);
        var stored = await db.AuditEntries.AsNoTracking().SingleAsync(e => e.Id == target.Id, ct);
        Assert.Equal(target.ActorName, stored.ActorName);
        Assert.Equal(target.Hash, stored.Hash);
    }

    private static IncidentDeskDbContext CreateDb(IncidentDeskHost host) =>
        host.Services.GetRequiredService<FederationWideDb>().CreateDbContext();

    private static async Task<List<AuditEntry>> AppendEntriesAsync(IncidentDeskHost host, int count, CancellationToken ct)
    {
        var marker = $"tamper-{Guid.NewGuid():N}";
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var log = scope.ServiceProvider.GetRequiredService<AuditLog>();
            for (var i = 1; i <= count; i++)
            {
                await log.AppendAsync(new AuditRecord("Probe.Updated", "Probe", marker, $"{{\"Amount\":{{\"from\":{i},\"to\":{i + 1}}}}}"), Tester, ct);
            }
        }

        await using var db = CreateDb(host);
        return await db.AuditEntries.AsNoTracking().Where(e => e.EntityId == marker).OrderBy(e => e.Sequence).ToListAsync(ct);
    }

    private static async Task<AuditVerification> VerifyAsync(IncidentDeskHost host, CancellationToken ct)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<AuditTrailService>().VerifyAsync(Tester, ct)).Value;
    }
}
