using System.Globalization;
using IncidentDesk.Web.Features.Audit;
using IncidentDesk.Data.Audit;
using IncidentDesk.Web.Features.Audit.Sealing;

namespace IncidentDesk.Web.Operators;

/// <summary>
/// <c>backup &lt;file&gt;</c>: SQLite's online backup of the live database — a consistent copy even while the app runs and
/// writes (WAL: readers never block writers) — then the copy's audit chain is walked before it is called good.
/// </summary>
internal sealed class DatabaseBackupCommand : IOperatorCommand
{
    public IReadOnlyCollection<string> Options => ["file"];

    public async Task<int> RunAsync(OperatorContext context, CancellationToken cancellationToken)
    {
        var file = Path.GetFullPath(context.Options.Required("file"));
        if (System.IO.File.Exists(file))
        {
            return await context.FailAsync($"{file} exists already; choose a new file (a backup never overwrites one).");
        }

        await using (var live = DatabaseFiles.Live(context.Services))
        await using (var copy = DatabaseFiles.File(file, readOnly: false))
        {
            await live.OpenAsync(cancellationToken);
            await copy.OpenAsync(cancellationToken);
            live.BackupDatabase(copy);
        }

        // The copy must hold everything the latest checkpoint signed, or it is no backup of this desk.
        var (anchor, _) = context.Services.GetRequiredService<AuditTrailService>().CheckpointFor(null);
        var chain = await DatabaseFiles.VerifyAsync(file, context.Services, anchor, cancellationToken);
        if (!chain.IsIntact)
        {
            System.IO.File.Delete(file);
            return await context.FailAsync($"the copy's audit chain is broken ({AuditVerifyCommand.Name(chain.Break ?? Core.Audit.AuditBreak.Rewritten)}) at sequence {chain.FirstBrokenSequence}; no backup kept. Run audit verify.");
        }

        var size = new FileInfo(file).Length;
        await context.Services.GetRequiredService<AuditLog>().AppendAsync(
            new AuditRecord(AuditActions.DatabaseBackedUp, Changes: $"{file}; {size} bytes; audit chain intact, {chain.EntriesChecked} entries"),
            context.Actor, cancellationToken);
        await context.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"backup written: {file} ({size / 1024.0 / 1024.0:0.0} MB); audit chain intact ({chain.EntriesChecked} entries)"));
        // Every backup is anchored: a later restore of this copy shows as a rollback against the checkpoints shipped since.
        try
        {
            var written = await context.Services.GetRequiredService<AuditCheckpoints>().WriteAsync(
                $"backup {Path.GetFileName(file)} ({chain.EntriesChecked} entries)", cancellationToken: cancellationToken);
            await context.Output.WriteLineAsync($"checkpoint written: {written!.Value.Path}");
        }
        catch (CheckpointRefusedException e)
        {
            await context.Error.WriteLineAsync($"checkpoint refused: {e.Message}");
            return OperatorCommandLine.ChainBroken;
        }
        return OperatorCommandLine.Done;
    }
}
