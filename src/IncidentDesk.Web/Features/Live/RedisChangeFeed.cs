using System.Text.Json;
using StackExchange.Redis;

namespace IncidentDesk.Web.Features.Live;

/// <summary>
/// The change feed across instances. A change reaches this process's listeners at once — a local page never waits on
/// Redis — and is published on a Redis channel tagged with this instance's id; the other instances hand it to their own
/// listeners. Redis is a courtesy to the other instances, never a condition of the write: when it is unreachable the
/// change stays local, one warning per outage is logged, and delivery resumes when the multiplexer reconnects by itself.
/// What the other instances published meanwhile never arrives, so the end of an outage is itself delivered to this
/// instance's pages and hub clients as a <see cref="ChangeKind.CatchUp"/>: each re-reads what it shows.
/// </summary>
internal sealed partial class RedisChangeFeed : IChangeFeed, IHostedService
{
    private readonly InProcessChangeFeed _local;
    private readonly IConnectionMultiplexer _redis;
    private readonly ILogger<RedisChangeFeed> _logger;
    private readonly TimeProvider _time;
    private readonly RedisChannel _channel;
    private readonly string _instanceId = Guid.NewGuid().ToString("N");
    private ChannelMessageQueue? _queue;
    private int _outage;

    public RedisChangeFeed(InProcessChangeFeed local, IConnectionMultiplexer redis, RedisScaleOutSettings settings, TimeProvider time,
        ILogger<RedisChangeFeed> logger)
    {
        ArgumentNullException.ThrowIfNull(redis);
        ArgumentNullException.ThrowIfNull(settings);
        _local = local;
        _redis = redis;
        _logger = logger;
        _time = time;
        _channel = RedisChannel.Literal(settings.ChangesChannel);
        _redis.ConnectionFailed += (_, e) => NoteOutage(e.Exception);
        _redis.ConnectionRestored += (_, _) => NoteRestored();
    }

    public async Task PublishAsync(DeskChange change, CancellationToken cancellationToken = default)
    {
        await _local.PublishAsync(change, cancellationToken);
        if (!_redis.IsConnected)
        {
            // Queuing for later would hold the write up to the command timeout; the pages re-read on their next change anyway.
            NoteOutage(null);
            return;
        }

        var message = JsonSerializer.Serialize(new Envelope(_instanceId, change));
        try
        {
            // Fire and forget: the publisher has committed and must not wait on the other instances.
            await _redis.GetSubscriber().PublishAsync(_channel, message, CommandFlags.FireAndForget);
        }
        catch (RedisException exception)
        {
            // The connection dropped between the check and the send: still an outage, never the write's failure.
            NoteOutage(exception);
        }
    }

    public IDisposable Subscribe(Func<DeskChange, Task> listener) => _local.Subscribe(listener);

    public IDisposable Subscribe(Func<DeskChange, Task> listener, FeedScope scope) => _local.Subscribe(listener, scope);

    /// <summary>
    /// Listens before the server takes requests; the multiplexer re-subscribes after every reconnect. An instance that
    /// starts while Redis is down subscribes when Redis first answers (see <see cref="NoteRestored"/>).
    /// </summary>
    public Task StartAsync(CancellationToken cancellationToken) => TrySubscribeAsync();

    private async Task TrySubscribeAsync()
    {
        if (Volatile.Read(ref _queue) is not null)
        {
            return;
        }

        try
        {
            var queue = await _redis.GetSubscriber().SubscribeAsync(_channel);
            if (Interlocked.CompareExchange(ref _queue, queue, null) is null)
            {
                queue.OnMessage(ReceiveAsync);
            }
            else
            {
                await queue.UnsubscribeAsync(); // a reconnect subscribed first
            }
        }
        catch (RedisException exception)
        {
            NoteOutage(exception);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_queue is { } queue)
        {
            await queue.UnsubscribeAsync();
        }
    }

    private Task ReceiveAsync(ChannelMessage message)
    {
        Envelope? envelope;
        try
        {
            envelope = JsonSerializer.Deserialize<Envelope>((string)message.Message!);
        }
        catch (JsonException exception)
        {
            // An instance of another build during a rolling upgrade: skip its message rather than stop listening.
            LogUnreadable(_logger, exception);
            return Task.CompletedTask;
        }

        // Our own changes were delivered locally when published.
        return envelope is null || envelope.Origin == _instanceId
            ? Task.CompletedTask
            : _local.DeliverAsync(envelope.Change, localOrigin: false);
    }

    private void NoteOutage(Exception? exception)
    {
        if (Interlocked.Exchange(ref _outage, 1) == 0)
        {
            LogOutage(_logger, exception);
        }
    }

    private void NoteRestored()
    {
        if (Interlocked.Exchange(ref _outage, 0) == 1)
        {
            LogRestored(_logger);
        }

        _ = CatchUpAsync();
    }

    /// <summary>
    /// Listening again first, then the catch-up: a page re-reading after it cannot miss a change published meanwhile.
    /// Raised for each of the multiplexer's restored connections, so at most a second, harmless re-read.
    /// </summary>
    private async Task CatchUpAsync()
    {
        await TrySubscribeAsync();
        await _local.DeliverAsync(new DeskChange(ChangeKind.CatchUp, 0, null, null, "system:redis", _time.GetUtcNow().UtcDateTime), localOrigin: true);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis is unreachable: changes reach only this instance's pages until it returns")]
    private static partial void LogOutage(ILogger logger, Exception? exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Redis is reachable again: changes cross instances once more")]
    private static partial void LogRestored(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A change from another instance could not be read")]
    private static partial void LogUnreadable(ILogger logger, Exception exception);

    private sealed record Envelope(string Origin, DeskChange Change);
}
