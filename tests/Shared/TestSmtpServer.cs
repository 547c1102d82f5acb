using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using MimeKit;
using SmtpServer;
using SmtpServer.ComponentModel;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace IncidentDesk.Testing;

/// <summary>A message as the test SMTP server accepted it: the envelope recipients and the parsed MIME message.</summary>
public sealed record ReceivedMail(IReadOnlyList<string> EnvelopeTo, MimeMessage Message)
{
    public string To => EnvelopeTo.Single();

    public string Text => Message.TextBody ?? "";

    public string Html => Message.HtmlBody ?? "";

    /// <summary>The first link in the text part that starts with <paramref name="prefix"/>.</summary>
    public string Link(string prefix)
    {
        var start = Text.IndexOf(prefix, StringComparison.Ordinal);
        if (start < 0)
        {
            throw new InvalidOperationException($"No link starting with {prefix} in the mail to {To}.");
        }

        var end = Text.IndexOfAny([' ', '\n', '\r'], start);
        return end < 0 ? Text[start..] : Text[start..end];
    }
}

/// <summary>
/// A real SMTP server over TCP on 127.0.0.1 inside the test process (the SmtpServer package). It stores what it accepts and
/// can be told to answer the next messages with any reply code (421 "try later", 550 "mailbox unavailable"), so the desk's
/// sender is tested against the protocol itself. Tests wait for what they expect to arrive; nothing sleeps.
/// </summary>
public sealed class TestSmtpServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<int> _answers = new();
    private readonly List<ReceivedMail> _received = [];
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly SmtpServer.SmtpServer _server;
    private readonly Task _running;
    private TaskCompletionSource _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private TestSmtpServer(int port)
    {
        Port = port;
        var options = new SmtpServerOptionsBuilder().ServerName("localhost")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, port)))
            .Build();
        var services = new ServiceProvider();
        services.Add(new Store(this));
        services.Add(new NoDelayListeners());
        _server = new SmtpServer.SmtpServer(options, services);
        _running = _server.StartAsync(_stop.Token);
    }

    public int Port { get; }

    /// <summary>Every reply code this server refused a message with, in order.</summary>
    public ConcurrentQueue<int> Refusals { get; } = new();

    public static TestSmtpServer Start() => new(LoopbackPort.Free());

    /// <summary>The configuration that sends the desk's mail here, over plain SMTP on loopback, with quick retries.</summary>
    public Dictionary<string, string?> DeskSettings(int deskPort) => new()
    {
        ["IncidentDesk:Mail:Host"] = "127.0.0.1",
        ["IncidentDesk:Mail:Port"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["IncidentDesk:Mail:Security"] = "None",
        ["IncidentDesk:Mail:From"] = "IncidentDesk da Federação <desk@federacao.example>",
        ["IncidentDesk:Mail:SendEnabled"] = "true",
        ["IncidentDesk:Mail:FirstRetrySeconds"] = "0.2",
        ["IncidentDesk:Mail:PollSeconds"] = "0.2",
        ["IncidentDesk:PublicUrl"] = $"http://127.0.0.1:{deskPort}/",
    };

    public IReadOnlyList<ReceivedMail> Received
    {
        get
        {
            lock (_gate)
            {
                return [.. _received];
            }
        }
    }

    /// <summary>The next messages get these reply codes instead of 250, one each, in order.</summary>
    public void AnswerNext(params int[] codes)
    {
        foreach (var code in codes)
        {
            _answers.Enqueue(code);
        }
    }

    /// <summary>Waits until what arrived satisfies <paramref name="condition"/>; fails after <paramref name="timeout"/>.</summary>
    public async Task<IReadOnlyList<ReceivedMail>> WaitForAsync(Func<IReadOnlyList<ReceivedMail>, bool> condition, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        using var limit = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            Task arrived;
            lock (_gate)
            {
                if (condition(_received))
                {
                    return [.. _received];
                }

                arrived = _arrived.Task;
            }

            try
            {
                await arrived.WaitAsync(limit.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"The SMTP server had {Received.Count} message(s), not what the test waited for.");
            }
        }
    }

    public Task<IReadOnlyList<ReceivedMail>> WaitForCountAsync(int count, TimeSpan? timeout = null) => WaitForAsync(r => r.Count >= count, timeout);

    public void Clear()
    {
        lock (_gate)
        {
            _received.Clear();
        }

        Refusals.Clear();
        _answers.Clear();
    }

    private bool _disposed;

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        await _stop.CancelAsync();
        try
        {
            await _running.WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (Exception e) when (e is OperationCanceledException or TimeoutException)
        {
            // Stopped.
        }

        _stop.Dispose();
    }

    private SmtpResponse Accept(IMessageTransaction transaction, ReadOnlySequence<byte> buffer)
    {
        if (_answers.TryDequeue(out var code))
        {
            Refusals.Enqueue(code);
            return new SmtpResponse((SmtpReplyCode)code, code >= 500 ? "5.1.1 Mailbox unavailable (test)" : "4.3.2 Try again later (test)");
        }

        using var stream = new MemoryStream(buffer.ToArray());
        var message = MimeMessage.Load(stream);
        var to = transaction.To.Select(m => $"{m.User}@{m.Host}").ToList();
        lock (_gate)
        {
            _received.Add(new ReceivedMail(to, message));
            var arrived = _arrived;
            _arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            arrived.TrySetResult();
        }

        return new SmtpResponse(SmtpReplyCode.Ok, "2.0.0 Queued (test)");
    }

    /// <summary>
    /// Accepts connections with Nagle's algorithm off, as mail servers do: SmtpServer's own listener leaves it on, and then
    /// every reply waits for a delayed ACK (~45 ms a mail on loopback instead of ~2).
    /// </summary>
    private sealed class NoDelayListeners : SmtpServer.Net.IEndpointListenerFactory
    {
        public SmtpServer.Net.IEndpointListener CreateListener(IEndpointDefinition endpointDefinition)
        {
            var listener = new System.Net.Sockets.TcpListener(endpointDefinition.Endpoint);
            listener.Start();
            return new Listener(listener);
        }

        private sealed class Listener(System.Net.Sockets.TcpListener listener) : SmtpServer.Net.IEndpointListener
        {
            public async Task<SmtpServer.IO.ISecurableDuplexPipe> GetPipeAsync(ISessionContext context, CancellationToken cancellationToken)
            {
                var client = await listener.AcceptTcpClientAsync(cancellationToken);
                client.NoDelay = true;
                return new PlainPipe(client);
            }

            public void Dispose() => listener.Stop();
        }

        private sealed class PlainPipe(System.Net.Sockets.TcpClient client) : SmtpServer.IO.ISecurableDuplexPipe
        {
            private System.IO.Pipelines.PipeReader? _input;
            private System.IO.Pipelines.PipeWriter? _output;

            public System.IO.Pipelines.PipeReader Input => _input ??= System.IO.Pipelines.PipeReader.Create(client.GetStream());

            public System.IO.Pipelines.PipeWriter Output => _output ??= System.IO.Pipelines.PipeWriter.Create(client.GetStream());

            public bool IsSecure => false;

            public System.Security.Authentication.SslProtocols SslProtocol => System.Security.Authentication.SslProtocols.None;

            public Task UpgradeAsync(System.Security.Cryptography.X509Certificates.X509Certificate certificate,
                System.Security.Authentication.SslProtocols protocols, CancellationToken cancellationToken = default) =>
                throw new NotSupportedException("The test server speaks plain SMTP on loopback.");

            public void Dispose() => client.Dispose();
        }
    }

    private sealed class Store(TestSmtpServer server) : MessageStore
    {
        public override Task<SmtpResponse> SaveAsync(
            ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken) =>
            Task.FromResult(server.Accept(transaction, buffer));
    }
}
