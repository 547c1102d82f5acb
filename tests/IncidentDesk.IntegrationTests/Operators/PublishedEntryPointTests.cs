using System.Diagnostics;
using System.Net;
using System.Text;
using IncidentDesk.Testing;

namespace IncidentDesk.IntegrationTests.Operators;

/// <summary>The real entry point as an operator runs it: <c>dotnet IncidentDesk.Web.dll users list</c>.</summary>
public sealed class PublishedEntryPointTests
{
    /// <summary>
    /// An upper bound on a command's run (a fresh start migrates a database), not a wait: generous because the suites run
    /// side by side on two cores, where a start that takes seconds alone can take minutes.
    /// </summary>
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task Users_list_runs_as_a_process_migrates_a_fresh_database_and_prints_only_the_table()
    {
        var email = $"bootstrap-{Guid.NewGuid():N}@federacao.example";
        await using var folder = new ScratchFolder();

        var run = await RunAsync(folder, ["users", "list", "--contentRoot", folder.Path], email);

        Assert.True(run.ExitCode == 0, $"exit code {run.ExitCode}; error stream: {run.Error}");
        var lines = run.Output.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("E-MAIL", lines[0], StringComparison.Ordinal);
        Assert.Matches($@"^{email.Replace(".", "\\.", StringComparison.Ordinal)}\s+Encarregada Bootstrap\s+PrivacyOfficer\s+-\s+yes\s+no$", lines[1]);
        Assert.Equal("1 user(s)", lines[^1]);
        Assert.Equal(3, lines.Length);
        Assert.True(File.Exists(folder.Database));
    }

    /// <summary>Host options first, as systemd units and scripts often write them: the command runs, no server starts.</summary>
    [Fact]
    public async Task Host_options_before_the_command_still_run_the_command()
    {
        await using var folder = new ScratchFolder();

        var run = await RunAsync(folder,
            ["--contentRoot", folder.Path, "--environment", "Production", "--urls", "http://127.0.0.1:0", "--IncidentDesk:SeedDemo=false",
                "audit", "verify"]);

        Assert.True(run.ExitCode == 0, $"exit code {run.ExitCode}; error stream: {run.Error}");
        Assert.Matches(@"^intact: \d+ entries; ", run.Output.Trim());
    }

    [Fact]
    public async Task A_word_that_is_no_command_lists_the_verbs_exits_64_and_starts_nothing()
    {
        await using var folder = new ScratchFolder();

        var run = await RunAsync(folder, ["--contentRoot", folder.Path, "--urls", "http://127.0.0.1:0", "audti", "verify"]);

        Assert.Equal(64, run.ExitCode);
        Assert.Contains("Unknown command 'audti'", run.Error, StringComparison.Ordinal);
        Assert.Contains("users, audit, backup, restore", run.Error, StringComparison.Ordinal);
        Assert.Contains("audit verify", run.Error, StringComparison.Ordinal);
        Assert.Equal("", run.Output);
        Assert.False(File.Exists(folder.Database), "nothing was started: no database was created");
    }

    /// <summary>An operator trying the published app in Production on a plain-HTTP URL: the log says what to fix before anyone trips.</summary>
    [Fact]
    public async Task In_production_on_plain_http_the_start_warns_naming_the_proxy_and_the_certificate_fixes()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var folder = new ScratchFolder();
        var url = $"http://127.0.0.1:{LoopbackPort.Free()}";
        var start = StartInfo(folder, ["--urls", url, "--contentRoot", folder.Path], null);
        using var process = Process.Start(start)!;
        var log = new StringBuilder();
        var warned = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) =>
        {
            lock (log)
            {
                log.AppendLine(e.Data);
                if (log.ToString().Contains("Kestrel__Certificates__Default__KeyPath", StringComparison.Ordinal))
                {
                    warned.TrySetResult();
                }
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await warned.Task.WaitAsync(Timeout, ct);
            using var client = new HttpClient();
            using var page = await client.GetAsync(new Uri($"{url}/account/login"), ct);

            string text;
            lock (log)
            {
                text = log.ToString();
            }

            foreach (var expected in new[]
                     {
                         $"IncidentDesk runs in Production and listens on plain HTTP ({url})", "X-Forwarded-Proto: https",
                         "IncidentDesk:Proxy:KnownProxies", "Kestrel__Certificates__Default__Path",
                     })
            {
                Assert.True(text.Contains(expected, StringComparison.Ordinal), $"'{expected}' is not in the log: {text}");
            }

            Assert.True(page.StatusCode == HttpStatusCode.Forbidden,
                $"{(int)page.StatusCode} {await page.Content.ReadAsStringAsync(ct)}; log: {text}");
        }
        catch (TimeoutException)
        {
            Assert.Fail($"No plain-HTTP warning within {Timeout}. Log: {log}");
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
        }
    }

    private sealed record ProcessRun(int ExitCode, string Output, string Error);

    private static async Task<ProcessRun> RunAsync(ScratchFolder folder, string[] args, string? bootstrapEmail = null)
    {
        var ct = TestContext.Current.CancellationToken;
        var start = StartInfo(folder, args, bootstrapEmail);
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
            Assert.Fail($"The command did not finish within {Timeout} (a web server started instead?). Error stream: {await error}");
        }

        return new ProcessRun(process.ExitCode, await output, await error);
    }

    private static ProcessStartInfo StartInfo(ScratchFolder folder, string[] args, string? bootstrapEmail)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = folder.Path,
        };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "IncidentDesk.Web.dll") }.Concat(args))
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ConnectionStrings__IncidentDesk"] = $"Data Source={folder.Database}";
        start.Environment["IncidentDesk__KeysFolder"] = Path.Combine(folder.Path, "keys");
        start.Environment["IncidentDesk__SeedDemo"] = "false";
        start.Environment["IncidentDesk__Bootstrap__OfficerEmail"] = bootstrapEmail ?? $"bootstrap-{Guid.NewGuid():N}@federacao.example";
        start.Environment["IncidentDesk__Bootstrap__OfficerPassword"] = $"pw-{Guid.NewGuid():N}";
        start.Environment["IncidentDesk__Bootstrap__OfficerName"] = "Encarregada Bootstrap";

        return start;
    }

    private sealed class ScratchFolder : IAsyncDisposable
    {
        private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("incidentdesk-cli-");

        public string Path => _folder.FullName;

        public string Database => System.IO.Path.Combine(Path, "cli.db");

        public ValueTask DisposeAsync()
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            _folder.Delete(recursive: true);
            return ValueTask.CompletedTask;
        }
    }
}
