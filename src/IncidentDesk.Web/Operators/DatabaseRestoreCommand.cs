using IncidentDesk.Core.Audit;
using IncidentDesk.Web.Features.Audit;
using IncidentDesk.Data.Audit;
using IncidentDesk.Web.Features.Audit.Sealing;

namespace IncidentDesk.Web.Operators;

/// <summary>
/// <c>restore &lt;file&gt;</c>: walks the file's audit chain first and refuses a copy that was tampered with; only then
/// copies it over the live database with SQLite's backup API (page by page, under SQLite's own locks — never a file
/// swapped under an open connection). Stop the app first: pages it holds in memory would not know the data changed.
/// The restore is the first entry on the restored chain.
/// </summary>
internal sealed class DatabaseRestoreCommand : IOperatorCommand
{
    public IReadOnlyCollection<string> Options => ["file"];

    public async Task<int> RunAsync(OperatorContext context, CancellationToken cancellationToken)
    {
        var file = Path.GetFullPath(context.Options.Required("file"));
        await using var live = DatabaseFiles.Live(context.Services); // refuses first when the desk is not on SQLite
        if (!System.IO.File.Exists(file))
        {
            return await context.FailAsync($"{file} does not exist.");
        }

        AuditVerification chain;
        try
        {
            chain = await DatabaseFiles.VerifyAsync(file, context.Services, anchor: null, cancellationToken);
        }
        catch (Microsoft.Data.Sqlite.SqliteException e)
        {
            return await context.FailAsync($"{file} is not an IncidentDesk database ({e.Message}); nothing restored.");
        }

        if (!chain.IsIntact)
        {
            await context.Error.WriteLineAsync(
                $"refused: the backup's audit chain is broken ({AuditVerifyCommand.Name(chain.Break ?? AuditBreak.Rewritten)}) at sequence {chain.FirstBrokenSequence} ({chain.Problem}); nothing restored.");
            return OperatorCommandLine.ChainBroken;
        }

        await using (var backup = DatabaseFiles.File(file, readOnly: true))
        {
            await backup.OpenAsync(cancellationToken);
            await live.OpenAsync(cancellationToken);
            backup.BackupDatabase(live);
            await live.CloseAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        await context.Services.GetRequiredService<AuditLog>().AppendAsync(
            new AuditRecord(AuditActions.DatabaseRestored, Changes: $"from {file}; audit chain intact, {chain.EntriesChecked} entries"),
            context.Actor, cancellationToken);
        // The rollback is declared in a signed checkpoint: checkpoints shipped before it still show what was taken back.
        var latest = AuditCheckpoints.ReadLatest(context.Services.GetRequiredService<AuditCheckpoints>().Folder);
        var written = await context.Services.GetRequiredService<AuditCheckpoints>().WriteAsync(
            $"restore from {Path.GetFileName(file)}: rolled back from {latest?.Checkpoint.Count ?? 0} to {chain.EntriesChecked} entries",
            rolledBack: true, cancellationToken: cancellationToken);
        await context.Output.WriteLineAsync($"restored from {file}; audit chain intact ({chain.EntriesChecked} entries). Start the app to apply any newer migrations.");
        await context.Output.WriteLineAsync($"checkpoint written: {written!.Value.Path}");
        return OperatorCommandLine.Done;
    }
}
