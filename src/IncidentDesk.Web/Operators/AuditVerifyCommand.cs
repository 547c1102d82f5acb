using IncidentDesk.Web.Features.Audit;

namespace IncidentDesk.Web.Operators;

/// <summary><c>audit verify</c>: walks the hash chain; exit code 2 names the first broken entry.</summary>
internal sealed class AuditVerifyCommand : IOperatorCommand
{
    public IReadOnlyCollection<string> Options => [];

    public async Task<int> RunAsync(OperatorContext context, CancellationToken cancellationToken)
    {
        // Run with an explicit actor (the operator), the walk is not refused: shell access to the server is the authorization.
        var result = (await context.Services.GetRequiredService<AuditTrailService>().VerifyAsync(context.Actor, cancellationToken)).Value;
        if (result.IsIntact)
        {
            await context.Output.WriteLineAsync($"intact: {result.EntriesChecked} entries");
            return OperatorCommandLine.Done;
        }

        await context.Output.WriteLineAsync(
            $"broken at sequence {result.FirstBrokenSequence} (entry id {result.FirstBrokenId}): {result.Problem}");
        await context.Output.WriteLineAsync($"{result.EntriesChecked} entries before it are intact.");
        return OperatorCommandLine.ChainBroken;
    }
}
