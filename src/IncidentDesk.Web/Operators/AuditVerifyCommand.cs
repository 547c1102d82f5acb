using IncidentDesk.Core.Audit;
using IncidentDesk.Web.Features.Audit;

namespace IncidentDesk.Web.Operators;

/// <summary>
/// <c>audit verify [--checkpoint FILE|FOLDER]</c>: walks the chain, checks every seal with the desk's keys and holds the chain
/// against the checkpoint (the newest one written here, or the shipped copy named). Each kind of failure has its own exit
/// code and names the first bad entry.
/// </summary>
internal sealed class AuditVerifyCommand : IOperatorCommand
{
    public IReadOnlyCollection<string> Options => ["checkpoint"];

    /// <summary>The exit code of each named failure (0 is intact); the usage text lists them.</summary>
    public static int ExitCode(AuditBreak failure) => failure switch
    {
        AuditBreak.Rewritten => 2,
        AuditBreak.Resealed => 3,
        AuditBreak.DeletedInMiddle => 4,
        AuditBreak.Truncated => 5,
        AuditBreak.Forked => 6,
        AuditBreak.UnknownKey => 7,
        AuditBreak.BrokenLink => 8,
        AuditBreak.CheckpointInvalid => 9,
        _ => OperatorCommandLine.ChainBroken,
    };

    /// <summary>The name printed for a failure, as an operator would grep for it.</summary>
    public static string Name(AuditBreak failure) => failure switch
    {
        AuditBreak.Rewritten => "rewritten",
        AuditBreak.Resealed => "resealed",
        AuditBreak.DeletedInMiddle => "deleted-in-middle",
        AuditBreak.Truncated => "truncated",
        AuditBreak.Forked => "forked",
        AuditBreak.UnknownKey => "unknown-key",
        AuditBreak.BrokenLink => "broken-link",
        AuditBreak.CheckpointInvalid => "checkpoint-invalid",
        _ => "broken",
    };

    public async Task<int> RunAsync(OperatorContext context, CancellationToken cancellationToken)
    {
        var checkpoint = context.Options.Optional("checkpoint") is { } given ? Path.GetFullPath(given) : null;
        // Run with an explicit actor (the operator), the walk is not refused: shell access to the server is the authorization.
        var result = (await context.Services.GetRequiredService<AuditTrailService>()
            .VerifyAsync(context.Actor, checkpoint, cancellationToken)).Value;
        var against = result.Anchor is { } anchor
            ? $"checkpoint of {anchor.AtUtc:yyyy-MM-dd HH:mm:ss} UTC, {anchor.Count} entries"
            : "no checkpoint (a deleted tail cannot be seen without one)";
        var legacy = result.LegacyEntries > 0 ? $"; {result.LegacyEntries} legacy entries sealed before keys" : "";
        if (result.IsIntact)
        {
            await context.Output.WriteLineAsync($"intact: {result.EntriesChecked} entries; {against}{legacy}");
            return OperatorCommandLine.Done;
        }

        var failure = result.Break ?? AuditBreak.Rewritten;
        var where = result.FirstBrokenSequence is { } sequence
            ? $" at sequence {sequence}" + (result.FirstBrokenId is { } id ? $" (entry id {id})" : "")
            : "";
        await context.Output.WriteLineAsync($"{Name(failure)}{where}: {result.Problem}");
        await context.Output.WriteLineAsync($"{result.EntriesChecked} entries before it are intact; {against}{legacy}.");
        return ExitCode(failure);
    }
}
