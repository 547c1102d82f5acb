using IncidentDesk.Data;
using IncidentDesk.Testing;
using IncidentDesk.Web.Features.Audit;
using IncidentDesk.Web.Operators;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using IncidentDesk.Data.Audit;

namespace IncidentDesk.IntegrationTests.Operators;

/// <summary>
/// `backup FILE` copies the live SQLite database while the app keeps writing, and the copy holds every row committed before
/// it began with an intact audit chain; `restore FILE` refuses a copy whose chain was tampered with and otherwise puts it back.
/// </summary>
public sealed class BackupRestoreTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task WriteAsync(IncidentDeskHost host, string what)
    {
        await using var scope = host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AuditLog>().AppendAsync(new AuditRecord("Test.Write", Changes: what), new AuditActor(null, "test"), Ct);
    }

    private static async Task<List<long>> SequencesAsync(string databasePath)
    {
        await using var connection = DatabaseFiles.File(databasePath, readOnly: true);
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT Sequence FROM AuditEntries ORDER BY Sequence";
        var sequences = new List<long>();
        await using var reader = await command.ExecuteReaderAsync(Ct);
        while (await reader.ReadAsync(Ct))
        {
            sequences.Add(reader.GetInt64(0));
        }

        return sequences;
    }

    private static async Task<bool> LiveHasAsync(IncidentDeskHost host, string what)
    {
        await using var db = await host.Services.GetRequiredService<FederationWideDb>().CreateDbContextAsync(Ct);
        return await db.AuditEntries.AnyAsync(e => e.Changes == what, Ct);
    }

    [Fact]
    public async Task A_backup_taken_while_writes_run_holds_every_row_committed_before_it_and_an_intact_chain()
    {
        await using var host = new IncidentDeskHost(seedDemo: false).Start();
        var file = Path.Combine(host.DataFolder, "backup-while-writing.db");
        using var stop = new CancellationTokenSource();
        var written = 0;
        var writer = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                await WriteAsync(host, $"write {Interlocked.Increment(ref written)}");
            }
        }, Ct);
        while (Volatile.Read(ref written) < 20)
        {
            await Task.Yield();
        }

        var committedBefore = (await SequencesAsync(host.DatabasePath)).Max();
        var cli = await OperatorCli.RunAsync(host, "backup", file);
        await stop.CancelAsync();
        await writer;

        Assert.Equal(0, cli.ExitCode);
        Assert.Contains("audit chain intact", cli.Output, StringComparison.Ordinal);
        var copied = await SequencesAsync(file);
        Assert.Equal(Enumerable.Range(1, (int)copied.Max()).Select(i => (long)i), copied);
        Assert.True(copied.Max() >= committedBefore);
        Assert.True((await DatabaseFiles.VerifyAsync(file, host.Services, anchor: null, Ct)).IsIntact);
        Assert.True(await LiveHasAsync(host, $"{file}; {new FileInfo(file).Length} bytes; audit chain intact, {copied.Count} entries"));
    }

    [Fact]
    public async Task Restore_refuses_a_backup_whose_audit_chain_was_tampered_with_and_changes_nothing()
    {
        await using var host = new IncidentDeskHost(seedDemo: false).Start();
        var file = Path.Combine(host.DataFolder, "tampered.db");
        Assert.Equal(0, (await OperatorCli.RunAsync(host, "backup", file)).ExitCode);
        await WriteAsync(host, "after the backup");
        await using (var copy = DatabaseFiles.File(file, readOnly: false))
        {
            await copy.OpenAsync(Ct);
            await using var command = copy.CreateCommand();
            command.CommandText = "DROP TRIGGER AuditEntries_NoUpdate; UPDATE AuditEntries SET Changes = 'nothing happened' WHERE Sequence = 1;";
            await command.ExecuteNonQueryAsync(Ct);
        }

        SqliteConnection.ClearAllPools();
        var cli = await OperatorCli.RunAsync(host, "restore", file);

        Assert.Equal(OperatorCommandLine.ChainBroken, cli.ExitCode);
        Assert.Contains("nothing restored", cli.Error, StringComparison.Ordinal);
        Assert.True(await LiveHasAsync(host, "after the backup"));
    }

    [Fact]
    public async Task Restore_puts_an_intact_backup_back_and_records_itself_on_the_restored_chain()
    {
        await using var host = new IncidentDeskHost(seedDemo: false).Start();
        var file = Path.Combine(host.DataFolder, "good.db");
        Assert.Equal(0, (await OperatorCli.RunAsync(host, "backup", file)).ExitCode);
        await WriteAsync(host, "after the backup");

        var cli = await OperatorCli.RunAsync(host, "restore", file);

        Assert.Equal(0, cli.ExitCode);
        Assert.False(await LiveHasAsync(host, "after the backup"));
        var verify = await OperatorCli.RunAsync(host, "audit", "verify");
        Assert.Equal(0, verify.ExitCode);
        await using var db = await host.Services.GetRequiredService<FederationWideDb>().CreateDbContextAsync(Ct);
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == AuditActions.DatabaseRestored, Ct));
    }

    [Fact]
    public async Task A_restore_stays_visible_against_the_checkpoint_shipped_before_it()
    {
        await using var host = new IncidentDeskHost(seedDemo: false).Start();
        var file = Path.Combine(host.DataFolder, "old.db");
        var backup = await OperatorCli.RunAsync(host, "backup", file);
        Assert.Equal(0, backup.ExitCode);
        var shipped = Path.Combine(Directory.CreateDirectory(Path.Combine(host.DataFolder, "shipped")).FullName, "at-backup.json");
        File.Copy(backup.Output.Split("checkpoint written: ")[1].Trim(), shipped);
        await WriteAsync(host, "after the backup");

        Assert.Equal(0, (await OperatorCli.RunAsync(host, "restore", file)).ExitCode);

        // The restore declared itself in a newer checkpoint, but the one shipped before it still signed what was taken back.
        Assert.Equal(0, (await OperatorCli.RunAsync(host, "audit", "verify")).ExitCode);
        var against = await OperatorCli.RunAsync(host, "audit", "verify", "--checkpoint", shipped);
        Assert.Equal(6, against.ExitCode);
        Assert.StartsWith("forked at sequence", against.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_old_backup_copied_back_past_the_restore_command_is_named_truncated()
    {
        await using var host = new IncidentDeskHost(seedDemo: false).Start();
        var file = Path.Combine(host.DataFolder, "old.db");
        Assert.Equal(0, (await OperatorCli.RunAsync(host, "backup", file)).ExitCode);
        await WriteAsync(host, "after the backup");
        Assert.Equal(0, (await OperatorCli.RunAsync(host, "audit", "checkpoint")).ExitCode);

        await using (var old = DatabaseFiles.File(file, readOnly: true))
        await using (var live = DatabaseFiles.File(host.DatabasePath, readOnly: false))
        {
            await old.OpenAsync(Ct);
            await live.OpenAsync(Ct);
            old.BackupDatabase(live);
        }

        SqliteConnection.ClearAllPools();
        var verify = await OperatorCli.RunAsync(host, "audit", "verify");

        Assert.Equal(5, verify.ExitCode);
        Assert.StartsWith("truncated at sequence", verify.Output, StringComparison.Ordinal);
        // And the desk refuses to sign the shorter chain as if nothing had happened.
        var checkpoint = await OperatorCli.RunAsync(host, "audit", "checkpoint");
        Assert.Equal(OperatorCommandLine.ChainBroken, checkpoint.ExitCode);
        Assert.Contains("no longer holds the head", checkpoint.Error, StringComparison.Ordinal);
    }
}
