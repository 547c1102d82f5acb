using IncidentDesk.Core.Audit;
using IncidentDesk.Data;
using IncidentDesk.IntegrationTests.Operators;
using IncidentDesk.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentDesk.IntegrationTests.Audit;

/// <summary>
/// The sealing key lives outside the database (a file only its owner can read), rotates without breaking the chain, and a
/// database sealed before keys existed still verifies — as legacy, up to the boundary the first checkpoint fixed.
/// </summary>
public sealed class AuditKeyTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task The_first_run_creates_an_owner_only_key_file_and_every_entry_names_its_key()
    {
        await using var host = new IncidentDeskHost().Start();
        await AuditTamperingTests.AppendEntriesAsync(host, 2, Ct);

        var keyFile = Assert.Single(Directory.GetFiles(host.AuditKeysFolder, "*.key"));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyFile));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite,
            File.GetUnixFileMode(Path.Combine(host.AuditKeysFolder, "checkpoint-signing.pem")));
        await using var db = host.Services.GetRequiredService<FederationWideDb>().CreateDbContext();
        Assert.All(await db.AuditEntries.AsNoTracking().ToListAsync(Ct), e => Assert.Equal(Path.GetFileNameWithoutExtension(keyFile), e.KeyId));
        var secret = await File.ReadAllTextAsync(keyFile, Ct);
        Assert.False(await db.AuditEntries.AnyAsync(e => e.Changes != null && e.Changes.Contains(secret.Trim()), Ct));
    }

    [Fact]
    public async Task After_a_key_rotation_old_and_new_entries_verify_together_and_the_rotation_is_audited()
    {
        await using var host = new IncidentDeskHost().Start();
        var before = await AuditTamperingTests.AppendEntriesAsync(host, 2, Ct);

        var rotate = await OperatorCli.RunAsync(host, "audit", "rotate-key");
        var after = await AuditTamperingTests.AppendEntriesAsync(host, 2, Ct);

        Assert.Equal(0, rotate.ExitCode);
        Assert.Equal(2, Directory.GetFiles(host.AuditKeysFolder, "*.key").Length);
        Assert.NotEqual(before[0].KeyId, after[0].KeyId);
        Assert.All(after, e => Assert.Contains(e.KeyId!, rotate.Output, StringComparison.Ordinal));
        Assert.Equal(0, (await OperatorCli.RunAsync(host, "audit", "checkpoint")).ExitCode);
        var verify = await OperatorCli.RunAsync(host, "audit", "verify");
        Assert.Equal(0, verify.ExitCode);
        await using var db = host.Services.GetRequiredService<FederationWideDb>().CreateDbContext();
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == "Audit.KeyRotated", Ct));
    }

    [Fact]
    public async Task A_chain_sealed_before_keys_verifies_as_legacy_and_an_unkeyed_entry_after_the_boundary_is_resealing()
    {
        await using var host = new IncidentDeskHost().Start();
        await AuditTamperingTests.AppendEntriesAsync(host, 4, Ct);
        // The database as the desk left it before keys: every entry unkeyed (plain SHA-256), no checkpoint yet.
        await ResealAllUnkeyedAsync(host);
        foreach (var file in Directory.GetFiles(host.CheckpointsFolder, "checkpoint-*.json"))
        {
            File.Delete(file);
        }

        var boundary = await AuditTamperingTests.CheckpointAsync(host);
        var keyed = await AuditTamperingTests.AppendEntriesAsync(host, 3, Ct);
        Assert.Equal(0, (await OperatorCli.RunAsync(host, "audit", "checkpoint")).ExitCode);

        var verify = await OperatorCli.RunAsync(host, "audit", "verify");
        Assert.Equal(0, verify.ExitCode);
        Assert.Contains($"{boundary} legacy entries sealed before keys", verify.Output, StringComparison.Ordinal);

        // Resealing the keyed part the old way (unkeyed, plain SHA-256) is refused: the boundary was signed.
        await AuditTamperingTests.ResealFromAsync(host, keyed[1].Sequence, downgradeToUnkeyed: true, Ct);
        var result = await AuditTamperingTests.VerifyAsync(host, Ct);
        Assert.Equal(AuditBreak.Resealed, result.Break);
        Assert.Equal(keyed[1].Sequence, result.FirstBrokenSequence);
    }

    private static async Task ResealAllUnkeyedAsync(IncidentDeskHost host)
    {
        List<AuditEntry> chain;
        await using (var db = host.Services.GetRequiredService<FederationWideDb>().CreateDbContext())
        {
            chain = await db.AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync(Ct);
        }

        var statements = new List<string> { RawSql.DropAuditGuard(delete: false) };
        AuditEntry? previous = null;
        foreach (var entry in chain)
        {
            AuditChain.SealUnkeyed(entry, previous);
            previous = entry;
            statements.Add($"UPDATE \"AuditEntries\" SET \"KeyId\" = NULL, \"PreviousHash\" = '{entry.PreviousHash}', \"Hash\" = '{entry.Hash}' WHERE \"Sequence\" = {entry.Sequence};");
        }

        await RawSql.ExecuteAsync(host, [.. statements]);
    }
}
