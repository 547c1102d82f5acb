using System.Diagnostics;

namespace IncidentDesk.Testing;

/// <summary>What a command-line tool printed and how it ended.</summary>
public sealed record ToolOutput(int ExitCode, string StandardOutput, string StandardError)
{
    public override string ToString() => $"exit code {ExitCode}\n{StandardOutput}\n{StandardError}".Trim();
}

/// <summary>
/// Runs a pinned command-line tool (Redocly CLI, Kiota) to its end and keeps what it printed, for tests that check the
/// API document with the tools its clients use. Update checks and telemetry stay off: the tests reach loopback only.
/// </summary>
public static class ToolRun
{
    public static async Task<ToolOutput> RunAsync(string program, IEnumerable<string> arguments, string workingFolder,
        TimeSpan timeout, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["REDOCLY_TELEMETRY"] = "off";
        start.Environment["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true";
        start.Environment["KIOTA_OFFLINE_ENABLED"] = "true";
        start.Environment["KIOTA_UPDATE_CHECK_DISABLED"] = "true";
        start.Environment["NO_COLOR"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        var output = process.StandardOutput.ReadToEndAsync(limit.Token);
        var error = process.StandardError.ReadToEndAsync(limit.Token);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', arguments)} did not finish within {timeout}.");
        }

        return new ToolOutput(process.ExitCode, await output, await error);
    }
}
