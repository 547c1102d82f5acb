using System.Diagnostics;

namespace IncidentDesk.IntegrationTests.Operators;

/// <summary>The real entry point as an operator runs it: <c>dotnet IncidentDesk.Web.dll users list</c>.</summary>
public sealed class PublishedEntryPointTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task Users_list_runs_as_a_process_migrates_a_fresh_database_and_prints_only_the_table()
    {
        var ct = TestContext.Current.CancellationToken;
        var folder = Directory.CreateTempSubdirectory("incidentdesk-cli-");
        try
        {
            var email = $"bootstrap-{Guid.NewGuid():N}@federacao.example";
            var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = folder.FullName,
            };
            foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "IncidentDesk.Web.dll"), "users", "list", "--contentRoot", folder.FullName })
            {
                start.ArgumentList.Add(arg);
            }

            start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
            start.Environment["ConnectionStrings__IncidentDesk"] = $"Data Source={Path.Combine(folder.FullName, "cli.db")}";
            start.Environment["IncidentDesk__KeysFolder"] = Path.Combine(folder.FullName, "keys");
            start.Environment["IncidentDesk__SeedDemo"] = "false";
            start.Environment["IncidentDesk__Bootstrap__OfficerEmail"] = email;
            start.Environment["IncidentDesk__Bootstrap__OfficerPassword"] = $"pw-{Guid.NewGuid():N}";
            start.Environment["IncidentDesk__Bootstrap__OfficerName"] = "Encarregada Bootstrap";

            using var process = Process.Start(start)!;
            process.StandardInput.Close();
            var output = process.StandardOutput.ReadToEndAsync(ct);
            var error = process.StandardError.ReadToEndAsync(ct);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(Timeout);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail($"The command did not finish within {Timeout}. Error stream: {await error}");
            }

            var stdout = await output;
            Assert.True(process.ExitCode == 0, $"exit code {process.ExitCode}; error stream: {await error}");
            var lines = stdout.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            Assert.StartsWith("E-MAIL", lines[0], StringComparison.Ordinal);
            Assert.Matches($@"^{email.Replace(".", "\\.", StringComparison.Ordinal)}\s+Encarregada Bootstrap\s+PrivacyOfficer\s+-\s+yes\s+no$", lines[1]);
            Assert.Equal("1 user(s)", lines[^1]);
            Assert.Equal(3, lines.Length);
            Assert.True(File.Exists(Path.Combine(folder.FullName, "cli.db")));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }
}
