using System.Globalization;
using IncidentDesk.Data.Audit;
using IncidentDesk.Web.Features.Audit;
using IncidentDesk.Web.Features.Audit.Sealing;

namespace IncidentDesk.Web.Operators;

/// <summary>
/// <c>audit rotate-key</c>: a new sealing key file (owner-only) that seals every entry from now on; the old keys stay, since
/// each entry names the key that sealed it. A checkpoint is written at once, so the rotation itself is anchored.
/// </summary>
internal sealed class AuditRotateKeyCommand : IOperatorCommand
{
    public IReadOnlyCollection<string> Options => [];

    public async Task<int> RunAsync(OperatorContext context, CancellationToken cancellationToken)
    {
        var store = context.Services.GetRequiredService<AuditKeyStore>();
        var before = store.Ring.Current.Id;
        string id;
        try
        {
            id = store.Rotate();
        }
        catch (InvalidOperationException e)
        {
            return await context.FailAsync(e.Message);
        }

        await context.Services.GetRequiredService<AuditLog>().AppendAsync(
            new AuditRecord(AuditActions.AuditKeyRotated, Changes: $"from key {before} to key {id}"), context.Actor, cancellationToken);
        await context.Output.WriteLineAsync(
            $"new sealing key {id} in {store.KeysFolder} (previous: {before}, kept for verification). " +
            "Running instances take it at their next checkpoint tick or restart; back up the keys folder.");
        return OperatorCommandLine.Done;
    }
}

/// <summary><c>audit checkpoint</c>: signs the chain's head now (e.g. before shipping the checkpoints folder).</summary>
internal sealed class AuditCheckpointCommand : IOperatorCommand
{
    public IReadOnlyCollection<string> Options => [];

    public async Task<int> RunAsync(OperatorContext context, CancellationToken cancellationToken)
    {
        try
        {
            var (checkpoint, path) = (await context.Services.GetRequiredService<AuditCheckpoints>()
                .WriteAsync("operator", cancellationToken: cancellationToken))!.Value;
            await context.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"checkpoint written: {path} ({checkpoint.Count} entries, head {checkpoint.HeadHash})"));
            return OperatorCommandLine.Done;
        }
        catch (CheckpointRefusedException e)
        {
            await context.Error.WriteLineAsync($"refused: {e.Message}");
            return OperatorCommandLine.ChainBroken;
        }
    }
}
