using IncidentDesk.Testing;
using IncidentDesk.Web.Operators;

namespace IncidentDesk.IntegrationTests.Operators;

/// <summary>What one operator command printed and returned.</summary>
internal sealed record CliResult(int ExitCode, string Output, string Error);

/// <summary>Runs the operators' command line against a running host's services, as Program.cs does on the console.</summary>
internal static class OperatorCli
{
    /// <summary>Who the command line acts as in the audit trail.</summary>
    public static string Actor { get; } = $"cli:{Environment.UserName}";

    public static string NewEmail(string who) => $"{who}-{Guid.NewGuid():N}@coop.example";

    public static string NewPassword() => $"senha-{Guid.NewGuid():N}";

    public static Task<CliResult> RunAsync(IncidentDeskHost host, params string[] args) => RunWithInputAsync(host, "", args);

    public static async Task<CliResult> RunWithInputAsync(IncidentDeskHost host, string standardInput, params string[] args)
    {
        ArgumentNullException.ThrowIfNull(host);
        using var input = new StringReader(standardInput);
        await using var output = new StringWriter();
        await using var error = new StringWriter();
        var exit = await OperatorCommandLine.RunAsync(host.Services, args, input, output, error);
        return new CliResult(exit, output.ToString(), error.ToString());
    }
}
