using System.Diagnostics;
using System.Net;
using System.Text;
using IncidentDesk.Testing;

namespace IncidentDesk.Benchmarks.Faults;

/// <summary>What one run of the app's command line printed and returned.</summary>
internal sealed record ChildRun(int ExitCode, string Output, string Error);

/// <summary>
/// The published entry point as an operator runs it — <c>dotnet IncidentDesk.Web.dll --contentRoot … --urls …</c> — in a
/// process of its own on one data folder (SQLite file, keys, checkpoints, evidence), so it can be killed with SIGKILL
/// mid-write and started again on the same folder, as systemd would after a crash.
/// </summary>
internal sealed class ChildDesk(string folder) : IAsyncDisposable
{
    private static readonly TimeSpan StartPatience = TimeSpan.FromMinutes(3);
    private readonly StringBuilder _log = new();
    private Process? _process;

    public string Folder { get; } = folder;

    public string DatabasePath => Path.Combine(Folder, "incidentdesk.db");

    public string EvidenceFolder => Path.Combine(Folder, "evidence");

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    /// <summary>Extra configuration as environment variables (<c>IncidentDesk__…</c>), applied over the defaults.</summary>
    public Dictionary<string, string> Environment { get; } = new(StringComparer.Ordinal);

    /// <summary>An absolute address on the running desk.</summary>
    public string Url(string path) => new Uri(BaseAddress, path).ToString();

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>The last lines the process wrote, for a failure message.</summary>
    public string LogTail
    {
        get
        {
            lock (_log)
            {
                var text = _log.ToString();
                return text.Length > 4000 ? text[^4000..] : text;
            }
        }
    }

    /// <summary>Starts the app on a free loopback port and waits until <c>/health/ready</c> answers 200; returns that wait.</summary>
    public async Task<TimeSpan> StartAsync(CancellationToken cancellationToken)
    {
        if (IsRunning)
        {
            throw new InvalidOperationException("The desk is already running.");
        }

        BaseAddress = new Uri($"http://127.0.0.1:{LoopbackPort.Free()}/");
        var start = StartInfo(["--urls", BaseAddress.ToString().TrimEnd('/')]);
        var started = Stopwatch.GetTimestamp();
        _process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        _process.StandardInput.Close();

        using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        patience.CancelAfter(StartPatience);
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The desk exited with code {_process.ExitCode} before it was ready. Log: {LogTail}");
            }

            try
            {
                using var ready = await probe.GetAsync(new Uri(BaseAddress, "health/ready"), patience.Token);
                if (ready.StatusCode == HttpStatusCode.OK)
                {
                    return Stopwatch.GetElapsedTime(started);
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!patience.IsCancellationRequested)
            {
                // One probe timed out; the process is still starting.
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"The desk was not ready within {StartPatience}. Log: {LogTail}");
            }

            // Polling a probe between attempts: the condition is the 200, this only spaces the attempts.
            await Task.Delay(TimeSpan.FromMilliseconds(25), patience.Token);
        }
    }

    /// <summary>SIGKILL: the process gets no chance to finish, flush or roll back anything.</summary>
    public void Kill()
    {
        if (_process is null)
        {
            return;
        }

        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.WaitForExit();
        _process.Dispose();
        _process = null;
    }

    /// <summary>Runs an operator command (<c>audit verify</c>, <c>backup FILE</c>…) as its own process on this data folder.</summary>
    public async Task<ChildRun> RunCommandAsync(CancellationToken cancellationToken, params string[] args)
    {
        var start = StartInfo(args);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        patience.CancelAfter(StartPatience);
        try
        {
            await process.WaitForExitAsync(patience.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"'{string.Join(' ', args)}' did not finish within {StartPatience}: {await error}");
        }

        return new ChildRun(process.ExitCode, await output, await error);
    }

    private ProcessStartInfo StartInfo(IEnumerable<string> args)
    {
        var start = new ProcessStartInfo(System.Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Folder,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "IncidentDesk.Web.dll"));
        start.ArgumentList.Add("--contentRoot");
        start.ArgumentList.Add(Folder);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // Development: plain http on loopback signs people in (Production answers only over TLS).
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["ConnectionStrings__IncidentDesk"] = $"Data Source={DatabasePath}";
        start.Environment["IncidentDesk__KeysFolder"] = Path.Combine(Folder, "keys");
        start.Environment["IncidentDesk__EvidenceFolder"] = EvidenceFolder;
        start.Environment["IncidentDesk__Audit__KeysFolder"] = Path.Combine(Folder, "audit-keys");
        start.Environment["IncidentDesk__Audit__CheckpointsFolder"] = Path.Combine(Folder, "audit-checkpoints");
        start.Environment["IncidentDesk__Mail__PickupFolder"] = Path.Combine(Folder, "mail");
        start.Environment["IncidentDesk__Mail__SendEnabled"] = "false";
        start.Environment["IncidentDesk__Mail__ScheduleEnabled"] = "false";
        start.Environment["IncidentDesk__ExposureWatch__Schedule__Enabled"] = "false";
        // Every client of a fault run calls from 127.0.0.1; the per-address limits are not what is tested.
        start.Environment["IncidentDesk__RateLimits__ApiPerMinute"] = "1000000";
        start.Environment["IncidentDesk__RateLimits__AccountPerMinute"] = "100000";
        foreach (var (key, value) in Environment)
        {
            start.Environment[key] = value;
        }

        return start;
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            if (_log.Length > 64_000)
            {
                _log.Remove(0, 32_000);
            }

            _log.AppendLine(line);
        }
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        return ValueTask.CompletedTask;
    }
}
