using System.Net;
using System.Net.Sockets;
using System.Text;

namespace IncidentDesk.Testing.Kafka;

/// <summary>
/// Small servers on loopback that are not Kafka brokers, for the answers a check must tell apart: one that accepts and
/// never says a word, a plain HTTP server, and one that only counts who connects (the "other host" a broker advertises).
/// </summary>
public sealed class LoopbackServer : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private int _connections;

    private LoopbackServer(IPAddress address, Func<NetworkStream, CancellationToken, Task> serve)
    {
        if (!IPAddress.IsLoopback(address))
        {
            throw new ArgumentException("Test servers listen on loopback only.", nameof(address));
        }

        _listener = new TcpListener(address, 0);
        _listener.Start();
        EndPoint = (IPEndPoint)_listener.LocalEndpoint;
        _loop = AcceptAsync(serve);
    }

    public IPEndPoint EndPoint { get; }

    public int Port => EndPoint.Port;

    public int Connections => Volatile.Read(ref _connections);

    /// <summary>Accepts, reads whatever comes, answers nothing; <paramref name="gauge"/> counts the connections open at once.</summary>
    public static LoopbackServer Silent(IPAddress? address = null, ConnectionGauge? gauge = null) => new(address ?? IPAddress.Loopback, async (stream, stop) =>
    {
        using var held = gauge?.Enter();
        var buffer = new byte[1024];
        while (await stream.ReadAsync(buffer, stop) > 0)
        {
        }
    });

    /// <summary>Answers whatever it is sent with an HTTP 400, as a web server on the wrong port would.</summary>
    public static LoopbackServer Http(IPAddress? address = null) => new(address ?? IPAddress.Loopback, async (stream, stop) =>
    {
        var buffer = new byte[1024];
        if (await stream.ReadAsync(buffer, stop) > 0)
        {
            var body = "<html><body>Bad Request</body></html>";
            await stream.WriteAsync(Encoding.ASCII.GetBytes(
                $"HTTP/1.1 400 Bad Request\r\nContent-Type: text/html\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n{body}"), stop);
        }
    });

    /// <summary>Only counts connections (and closes them): the place nothing should ever reach.</summary>
    public static LoopbackServer Counting(IPAddress address) => new(address, (_, _) => Task.CompletedTask);

    private async Task AcceptAsync(Func<NetworkStream, CancellationToken, Task> serve)
    {
        var clients = new List<Task>();
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                Interlocked.Increment(ref _connections);
                clients.Add(ServeAsync(client, serve));
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }

        await Task.WhenAll(clients);
    }

    private async Task ServeAsync(TcpClient client, Func<NetworkStream, CancellationToken, Task> serve)
    {
        using (client)
        {
            try
            {
                await serve(client.GetStream(), _stop.Token);
            }
            catch (Exception e) when (e is IOException or OperationCanceledException or SocketException)
            {
                // The other side went away, or the server is stopping.
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _loop;
        _stop.Dispose();
    }
}

/// <summary>How many connections were open at once, at most, across the servers that share it.</summary>
public sealed class ConnectionGauge
{
    private int _open;
    private int _max;

    public int Max => Volatile.Read(ref _max);

    public IDisposable Enter()
    {
        var open = Interlocked.Increment(ref _open);
        for (var max = Volatile.Read(ref _max); open > max; max = Volatile.Read(ref _max))
        {
            if (Interlocked.CompareExchange(ref _max, open, max) == max)
            {
                break;
            }
        }

        return new Exit(this);
    }

    private sealed class Exit(ConnectionGauge gauge) : IDisposable
    {
        public void Dispose() => Interlocked.Decrement(ref gauge._open);
    }
}
