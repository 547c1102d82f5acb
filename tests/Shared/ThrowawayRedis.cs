using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace IncidentDesk.Testing;

/// <summary>
/// A real <c>redis-server</c> of the test's own on a free loopback port, nothing persisted, killed on dispose.
/// <see cref="StopAsync"/> and <see cref="StartAgainAsync"/> (same port) play an outage.
/// </summary>
public sealed class ThrowawayRedis : IAsyncDisposable
{
    private static readonly TimeSpan StartPatience = TimeSpan.FromSeconds(15);
    private Process? _process;

    private ThrowawayRedis(int port) => Port = port;

    public int Port { get; }

    /// <summary>A StackExchange.Redis configuration string for the app.</summary>
    public string ConnectionString => $"127.0.0.1:{Port}";

    public static async Task<ThrowawayRedis> StartAsync()
    {
        TestServers.Require(TestServer.Redis);

        var redis = new ThrowawayRedis(LoopbackPort.Free());
        await redis.StartAgainAsync();
        return redis;
    }

    /// <summary>Starts the server (again) on the same port and returns once it answers PING.</summary>
    public async Task StartAgainAsync()
    {
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var output = new StringBuilder();
        var process = new Process
        {
            StartInfo = new ProcessStartInfo(TestServers.RedisServer)
            {
                ArgumentList = { "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1",
                    "--save", "", "--appendonly", "no", "--protected-mode", "no" },
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            },
            EnableRaisingEvents = true,
        };
        process.OutputDataReceived += (_, e) =>
        {
            lock (output)
            {
                output.AppendLine(e.Data);
            }

            if (e.Data?.Contains("Ready to accept connections", StringComparison.Ordinal) == true)
            {
                ready.TrySetResult();
            }
        };
        process.Exited += (_, _) => ready.TrySetException(new InvalidOperationException($"redis-server exited: {Captured(output)}"));
        process.Start();
        process.BeginOutputReadLine();
        _process = process;
        try
        {
            await ready.Task.WaitAsync(StartPatience);
        }
        catch (TimeoutException)
        {
            throw new InvalidOperationException($"redis-server did not start within {StartPatience}: {Captured(output)}");
        }

        // The log line comes just before the listener serves; a PING proves it does.
        if (await PingAsync() != "+PONG")
        {
            throw new InvalidOperationException("redis-server does not answer PING.");
        }
    }

    /// <summary>Kills the server, as a crash or a network cut would; clients see their connections drop.</summary>
    public async Task StopAsync()
    {
        if (Interlocked.Exchange(ref _process, null) is { } process)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            process.Dispose();
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private async Task<string?> PingAsync()
    {
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, Port);
        var stream = client.GetStream();
        await stream.WriteAsync("PING\r\n"u8.ToArray());
        using var reader = new StreamReader(stream, Encoding.ASCII);
        return await reader.ReadLineAsync();
    }


    private static string Captured(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }
}
