using System.Data.Common;
using System.Globalization;
using IncidentDesk.Core.Audit;
using IncidentDesk.Data;
using IncidentDesk.IntegrationTests.Operators;
using IncidentDesk.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using IncidentDesk.Data.Audit;
using IncidentDesk.Web.Features.Audit;

namespace IncidentDesk.IntegrationTests.Audit;

/// <summary>
/// Someone with access to the database (not to the sealing key, which lives outside it) edits, deletes, truncates or
/// rewrites and reseals audit entries directly in the database. `audit verify` names each kind of tampering, with its own
/// exit code and the first bad entry. Each test that tampers uses a host of its own, so the shared host's chain stays intact.
/// </summary>
[StartsFirst]
public sealed class AuditTamperingTests(AppFixture app)
{
    private static readonly AuditActor Tester = new(null, "tamper-test");

    [Fact]
    public async Task Editing_a_middle_entrys_changes_in_the_database_is_named_rewritten_at_exactly_that_entry()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = new IncidentDeskHost().Start();
        var entries = await AppendEntriesAsync(host, 5, ct);
        var target = entries[2];
        await CheckpointAsync(host);
        Assert.Equal(0, (await OperatorCli.RunAsync(host, "audit", "verify")).ExitCode);

        await RawSql.ExecuteAsync(host,
            RawSql.DropAuditGuard(delete: false),
            $"UPDATE \"AuditEntries\" SET \"Changes\" = '{{\"Amount\":{{\"from\":1,\"to\":2}}}}' WHERE \"Sequence\" = {target.Sequence};");

        var result = await VerifyAsync(host, ct);
        Assert.Equal(AuditBreak.Rewritten, result.Break);
        Assert.Equal(target.Sequence, result.FirstBrokenSequence);
        Assert.Equal(target.Id, result.FirstBrokenId);
        Assert.Equal(target.Sequence - 1, result.EntriesChecked);

        var cli = await OperatorCli.RunAsync(host, "audit", "verify");
        Assert.Equal(2, cli.ExitCode);
        Assert.StartsWith($"rewritten at sequence {target.Sequence} (entry id {target.Id})", cli.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deleting_a_middle_entry_is_named_deleted_in_middle_at_the_missing_sequence()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = new IncidentDeskHost().Start();
        var entries = await AppendEntriesAsync(host, 5, ct);
        var removed = entries[2];
        var successor = entries[3];
        await CheckpointAsync(host);

        await RawSql.ExecuteAsync(host,
            RawSql.DropAuditGuard(delete: true),
            $"DELETE FROM \"AuditEntries\" WHERE \"Sequence\" = {removed.Sequence};");

        var result = await VerifyAsync(host, ct);
        Assert.Equal(AuditBreak.DeletedInMiddle, result.Break);
        Assert.Equal(removed.Sequence, result.FirstBrokenSequence);
        Assert.Equal(successor.Id, result.FirstBrokenId);
        Assert.Contains("missing", result.Problem, StringComparison.Ordinal);
        var cli = await OperatorCli.RunAsync(host, "audit", "verify");
        Assert.Equal(4, cli.ExitCode);
        Assert.StartsWith($"deleted-in-middle at sequence {removed.Sequence}", cli.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public async Task Deleting_the_last_entries_is_named_truncated_against_the_checkpoint(int deleted)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = new IncidentDeskHost().Start();
        await AppendEntriesAsync(host, 5, ct);
        var signed = await CheckpointAsync(host);

        await RawSql.ExecuteAsync(host,
            RawSql.DropAuditGuard(delete: true),
            $"DELETE FROM \"AuditEntries\" WHERE \"Sequence\" > {signed - deleted};");

        var cli = await OperatorCli.RunAsync(host, "audit", "verify");
        Assert.Equal(5, cli.ExitCode);
        Assert.StartsWith($"truncated at sequence {signed - deleted + 1}", cli.Output, StringComparison.Ordinal);
        Assert.Contains($"{signed - deleted} entries before it are intact", cli.Output, StringComparison.Ordinal);

        // The verification was itself appended, on the shorter chain: where the checkpoint signed an entry, another now stands.
        if (deleted == 1)
        {
            var again = await VerifyAsync(host, ct);
            Assert.Equal(AuditBreak.Forked, again.Break);
            Assert.Equal(signed, again.FirstBrokenSequence);
        }
    }

    [Fact]
    public async Task Deleting_every_entry_is_named_truncated_from_the_first()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = new IncidentDeskHost().Start();
        await AppendEntriesAsync(host, 3, ct);
        var signed = await CheckpointAsync(host);

        await RawSql.ExecuteAsync(host, RawSql.DropAuditGuard(delete: true), "DELETE FROM \"AuditEntries\";");

        var cli = await OperatorCli.RunAsync(host, "audit", "verify");
        Assert.Equal(5, cli.ExitCode);
        Assert.StartsWith("truncated at sequence 1: the chain ends at sequence 0", cli.Output, StringComparison.Ordinal);
        Assert.Contains($"counted {signed}", cli.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Rewriting_an_entry_and_resealing_every_later_one_without_the_key_is_named_resealed(bool downgradeToUnkeyed)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = new IncidentDeskHost().Start();
        var target = (await AppendEntriesAsync(host, 5, ct))[1];
        await CheckpointAsync(host);

        // The attack that made the unkeyed chain verify: new actor and changes, then every later hash recomputed (SHA-256).
        await ResealFromAsync(host, target.Sequence, downgradeToUnkeyed, ct);

        var result = await VerifyAsync(host, ct);
        Assert.Equal(AuditBreak.Resealed, result.Break);
        Assert.Equal(target.Sequence, result.FirstBrokenSequence);
        Assert.Equal(target.Id, result.FirstBrokenId);
        var cli = await OperatorCli.RunAsync(host, "audit", "verify");
        Assert.Equal(3, cli.ExitCode);
        Assert.StartsWith($"resealed at sequence {target.Sequence} (entry id {target.Id})", cli.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_checkpoint_file_edited_to_hide_a_truncation_is_refused_as_invalid()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = new IncidentDeskHost().Start();
        await AppendEntriesAsync(host, 3, ct);
        var signed = await CheckpointAsync(host);
        var file = Directory.EnumerateFiles(host.CheckpointsFolder, "checkpoint-*.json").Max(StringComparer.Ordinal)!;
        await File.WriteAllTextAsync(file, (await File.ReadAllTextAsync(file, ct))
            .Replace($"\"Count\": {signed},", $"\"Count\": {signed - 2},", StringComparison.Ordinal), ct);

        var cli = await OperatorCli.RunAsync(host, "audit", "verify", "--checkpoint", file);

        Assert.Equal(9, cli.ExitCode);
        Assert.StartsWith("checkpoint-invalid", cli.Output, StringComparison.Ordinal);
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

    /// <summary>Rewrites the entry at <paramref name="from"/> and recomputes every later seal with plain SHA-256, past the app.</summary>
    internal static async Task ResealFromAsync(IncidentDeskHost host, long from, bool downgradeToUnkeyed, CancellationToken ct)
    {
        List<AuditEntry> chain;
        await using (var db = CreateDb(host))
        {
            chain = await db.AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync(ct);
        }

        var statements = new List<string> { RawSql.DropAuditGuard(delete: false) };
        var previous = chain.Single(e => e.Sequence == from - 1).Hash;
        foreach (var entry in chain.Where(e => e.Sequence >= from))
        {
            if (entry.Sequence == from)
            {
                entry.ActorName = "intruso@coop.example";
                entry.Changes = "{}";
            }

            entry.KeyId = downgradeToUnkeyed ? null : entry.KeyId;
            entry.PreviousHash = previous;
            entry.Hash = AuditChain.ComputeHash(previous, entry);
            previous = entry.Hash;
            statements.Add(string.Create(CultureInfo.InvariantCulture,
                $"UPDATE \"AuditEntries\" SET \"ActorName\" = '{entry.ActorName}', \"Changes\" = {(entry.Changes is null ? "NULL" : $"'{entry.Changes}'")}, " +
                $"\"KeyId\" = {(entry.KeyId is null ? "NULL" : $"'{entry.KeyId}'")}, \"PreviousHash\" = '{entry.PreviousHash}', \"Hash\" = '{entry.Hash}' " +
                $"WHERE \"Sequence\" = {entry.Sequence};"));
        }

        await RawSql.ExecuteAsync(host, [.. statements]);
    }

    /// <summary>Signs the chain's head now, as the schedule and every backup do; answers the count it signed.</summary>
    internal static async Task<long> CheckpointAsync(IncidentDeskHost host)
    {
        var cli = await OperatorCli.RunAsync(host, "audit", "checkpoint");
        Assert.Equal(0, cli.ExitCode);
        var match = System.Text.RegularExpressions.Regex.Match(cli.Output, @"\((\d+) entries");
        return long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    private static IncidentDeskDbContext CreateDb(IncidentDeskHost host) =>
        host.Services.GetRequiredService<FederationWideDb>().CreateDbContext();

    internal static async Task<List<AuditEntry>> AppendEntriesAsync(IncidentDeskHost host, int count, CancellationToken ct)
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

    internal static async Task<AuditVerification> VerifyAsync(IncidentDeskHost host, CancellationToken ct)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<AuditTrailService>().VerifyAsync(Tester, cancellationToken: ct)).Value;
    }
}
