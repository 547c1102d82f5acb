using IncidentDesk.Web.Security;

namespace IncidentDesk.Web.Features.Live;

/// <summary>
/// The one stream of committed changes that open pages (circuits) and the SignalR hub listen to. Services publish after
/// their transaction commits. In one process this is <see cref="InProcessChangeFeed"/>; across instances it crosses
/// through Redis (scale-out).
/// </summary>
public interface IChangeFeed
{
    Task PublishAsync(DeskChange change, CancellationToken cancellationToken = default);

    /// <summary>Calls <paramref name="listener"/> for every change until the returned handle is disposed.</summary>
    IDisposable Subscribe(Func<DeskChange, Task> listener);

    /// <summary>
    /// As <see cref="Subscribe(Func{DeskChange, Task})"/>, narrowed by <paramref name="scope"/>: a listener that fans
    /// out across instances by itself (the hub, through its backplane) wants only the changes made in this process.
    /// </summary>
    IDisposable Subscribe(Func<DeskChange, Task> listener, FeedScope scope);
}

/// <summary>Which changes a listener hears.</summary>
public enum FeedScope
{
    /// <summary>Every change, wherever it was made: what an open page needs.</summary>
    All,

    /// <summary>Only the changes committed by this process (in one process, that is every change).</summary>
    LocalOrigin,
}

/// <summary>
/// Fan-out to this process's listeners. A listener that throws is logged and skipped — one broken page must never stop
/// a liaison's update from reaching everyone else, nor fail the write that published it.
/// </summary>
internal sealed partial class InProcessChangeFeed(ILogger<InProcessChangeFeed> logger) : IChangeFeed
{
    private readonly Lock _gate = new();
    private Listener[] _listeners = [];

    public Task PublishAsync(DeskChange change, CancellationToken cancellationToken = default) =>
        DeliverAsync(change, localOrigin: true);

    /// <summary>Hands <paramref name="change"/> to this process's listeners; a change from another instance skips the local-only ones.</summary>
    public async Task DeliverAsync(DeskChange change, bool localOrigin)
    {
        ArgumentNullException.ThrowIfNull(change);
        foreach (var listener in Volatile.Read(ref _listeners))
        {
            if (listener.Scope == FeedScope.LocalOrigin && !localOrigin)
            {
                continue;
            }

            try
            {
                await listener.Deliver(change);
            }
#pragma warning disable CA1031 // A listener's failure is its own; the publisher must go on.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                LogListenerFailed(logger, exception, change.Kind, change.IncidentId);
            }
        }
    }

    public IDisposable Subscribe(Func<DeskChange, Task> listener) => Subscribe(listener, FeedScope.All);

    public IDisposable Subscribe(Func<DeskChange, Task> listener, FeedScope scope)
    {
        ArgumentNullException.ThrowIfNull(listener);
        var entry = new Listener(listener, scope);
        lock (_gate)
        {
            _listeners = [.. _listeners, entry];
        }

        return new Subscription(() =>
        {
            lock (_gate)
            {
                _listeners = [.. _listeners.Where(l => l != entry)];
            }
        });
    }

    // A class, not a record: the same delegate subscribed twice must be two entries, each removed by its own handle.
    private sealed class Listener(Func<DeskChange, Task> deliver, FeedScope scope)
    {
        public Func<DeskChange, Task> Deliver { get; } = deliver;

        public FeedScope Scope { get; } = scope;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A change listener failed on {Kind} of incident {IncidentId}")]
    private static partial void LogListenerFailed(ILogger logger, Exception exception, ChangeKind kind, int incidentId);

    private sealed class Subscription(Action dispose) : IDisposable
    {
        private Action? _dispose = dispose;

        public void Dispose() => Interlocked.Exchange(ref _dispose, null)?.Invoke();
    }
}

public static class ChangeFeedExtensions
{
    /// <summary>Publishes what the current user just committed on an incident.</summary>
    public static Task PublishAsync(
        this IChangeFeed feed, ChangeKind kind, int incidentId, CurrentUser user, TimeProvider time, int? entityId = null,
        int? coopId = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(feed);
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(time);
        return feed.PublishAsync(new DeskChange(kind, incidentId, coopId, entityId, user.Name, time.GetUtcNow().UtcDateTime), cancellationToken);
    }
}
