using IncidentDesk.Data;

namespace IncidentDesk.Web.Features.Live;

/// <summary>
/// What one read is about, and for whom it may be shared: pages whose people read the same rows (<see cref="Visibility"/>)
/// asking the same question (<see cref="What"/> of <see cref="Id"/>).
/// </summary>
/// <param name="Visibility">"all" for officers and auditors (they read every co-op's rows), "coop-12" for co-op 12's liaisons.</param>
public readonly record struct SharedReadKey(string Visibility, string What, int Id)
{
    /// <summary>
    /// The key for a person of <paramref name="scope"/>; null when nothing may be shared (a scope that reads no co-op).
    /// Two scopes share a key only when their query filters let them read exactly the same rows, so a read made for one
    /// never hands the other a row it could not have read itself — above all, a wider read never reaches a narrower scope.
    /// </summary>
    public static SharedReadKey? For(CoopScope scope, string what, int id)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return scope.ReadsAll ? new SharedReadKey("all", what, id)
            : scope.CoopId is { } coopId ? new SharedReadKey(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"coop-{coopId}"), what, id)
            : null;
    }
}

/// <summary>
/// One database read for the open pages that ask the same question at about the same moment. Fifty officers' matrices
/// hear the same change within a few milliseconds and each used to read the same changed cells. Now one read runs at a
/// time per question: the pages that ask while it runs wait for it to end and share the next read. A page never joins a
/// read that has already started, so what it gets was read after it asked — as fresh as its own read would have been.
/// </summary>
public sealed class SharedReads
{
    private readonly Lock _gate = new();
    private readonly Dictionary<SharedReadKey, Slot> _slots = [];

    /// <summary>
    /// Reads <paramref name="read"/> once for every caller of the same <paramref name="key"/> that asks before the read
    /// starts. The read is asked for the earliest <paramref name="sinceUtc"/> of its callers, so a caller may get rows from
    /// before its own <paramref name="sinceUtc"/> and filters them itself. The read runs with the first caller's services
    /// (its person's scope), which is why callers of one key must read the same rows (<see cref="SharedReadKey.For"/>).
    /// </summary>
    public async Task<T> ReadAsync<T>(SharedReadKey key, DateTime sinceUtc, Func<DateTime, Task<T>> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        Gathering<T> gathering;
        Task? running = null;
        Task<T>? joined = null;
        lock (_gate)
        {
            if (!_slots.TryGetValue(key, out var slot))
            {
                _slots[key] = slot = new Slot();
            }

            if (slot.Next is not null)
            {
                var next = slot.Next as Gathering<T>
                    ?? throw new InvalidOperationException($"{key.What} is read as {slot.Next.GetType()} elsewhere, not as {typeof(T)}.");
                next.SinceUtc = next.SinceUtc < sinceUtc ? next.SinceUtc : sinceUtc;
                gathering = next;
                joined = next.Result.Task;
            }
            else if (slot.Running is { } busy)
            {
                gathering = new Gathering<T>(sinceUtc);
                slot.Next = gathering;
                running = busy.Done;
            }
            else
            {
                gathering = new Gathering<T>(sinceUtc);
                slot.Running = gathering;
            }
        }

        if (joined is not null)
        {
            return await joined;
        }

        if (running is not null)
        {
            // Whatever became of the read before, this one starts after it: the pages asking meanwhile join this one.
            await running.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing | ConfigureAwaitOptions.ContinueOnCapturedContext);
        }

        DateTime from;
        lock (_gate)
        {
            // The slot stays while this read is its next one: only this read clears that.
            var slot = _slots[key];
            if (ReferenceEquals(slot.Next, gathering))
            {
                slot.Next = null;
            }

            slot.Running = gathering;
            from = gathering.SinceUtc;
        }

        try
        {
            var result = await read(from);
            gathering.Result.SetResult(result);
            return result;
        }
        catch (Exception exception)
        {
            gathering.Result.SetException(exception);
            throw;
        }
        finally
        {
            lock (_gate)
            {
                // The read that waited for this one may have run and ended already, and removed the slot.
                if (_slots.TryGetValue(key, out var slot) && ReferenceEquals(slot.Running, gathering))
                {
                    slot.Running = null;
                    if (slot.Next is null)
                    {
                        _slots.Remove(key);
                    }
                }
            }
        }
    }

    /// <summary>How many reads of <paramref name="key"/> are running or waiting to run (none once the pages have their answers).</summary>
    public int Pending(SharedReadKey key)
    {
        lock (_gate)
        {
            return _slots.TryGetValue(key, out var slot) ? (slot.Running is null ? 0 : 1) + (slot.Next is null ? 0 : 1) : 0;
        }
    }

    /// <summary>The read of one question running now, and the one gathering the pages that asked since it started.</summary>
    private sealed class Slot
    {
        public Gathering? Running { get; set; }

        public Gathering? Next { get; set; }
    }

    private abstract class Gathering
    {
        public abstract Task Done { get; }
    }

    private sealed class Gathering<T>(DateTime sinceUtc) : Gathering
    {
        public DateTime SinceUtc { get; set; } = sinceUtc;

        // Run asynchronously: the pages that joined continue on their own circuits, not inside the first page's.
        public TaskCompletionSource<T> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override Task Done => Result.Task;
    }
}
