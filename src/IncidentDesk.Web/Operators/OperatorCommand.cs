using IncidentDesk.Web.Features.Audit;
using IncidentDesk.Data.Audit;

namespace IncidentDesk.Web.Operators;

/// <summary>What a command gets: a service scope of its own, its options, the console streams, and who it acts as.</summary>
internal sealed record OperatorContext(
    IServiceProvider Services, CommandOptions Options, TextReader Input, TextWriter Output, TextWriter Error, AuditActor Actor)
{
    /// <summary>Refuses with a clear message; nothing has been written when a command returns this.</summary>
    public async Task<int> FailAsync(string message)
    {
        await Error.WriteLineAsync(message);
        return OperatorCommandLine.Refused;
    }
}

/// <summary>One operator command (<c>users add</c>, <c>audit verify</c>…).</summary>
internal interface IOperatorCommand
{
    /// <summary>The option names the command accepts (without the leading dashes).</summary>
    IReadOnlyCollection<string> Options { get; }

    /// <summary>The options that take no value (<c>--allow-before-2fa</c>).</summary>
    IReadOnlyCollection<string> Flags => [];

    Task<int> RunAsync(OperatorContext context, CancellationToken cancellationToken);
}
