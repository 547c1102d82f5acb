using System.Collections.Concurrent;
using System.Diagnostics;
using IncidentDesk.Web.Features.Live;
using IncidentDesk.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentDesk.Web.Tests.Live;

/// <summary>
/// An open page under a stream of changes refreshes at its pace, not once per change: the first change after a quiet
/// spell shows at once, and what arrives within the pace is shown together in one refresh at its end.
/// </summary>
public sealed class LiveRefreshPaceTests : MudComponentTestBase
{
    private static readonly TimeSpan Patience = Waits.Patience;
    private static readonly TimeSpan Pace = TimeSpan.FromMilliseconds(300);

    [Fact]
    public async Task A_stream_of_changes_is_shown_at_once_then_together_at_the_end_of_the_pace()
    {
        var refreshes = new ConcurrentQueue<(long At, int EntityId)>();
        Render<LiveChanges>(p => p.Add(c => c.View, "matrix").Add(c => c.Pace, Pace)
            .Add(c => c.Changed, (DeskChange change) => refreshes.Enqueue((Stopwatch.GetTimestamp(), change.EntityId ?? 0))));

        await PublishAsync(1);
        Assert.True(await CountReachedAsync(refreshes, 1), "the first change after a quiet spell was not shown");
        foreach (var entity in new[] { 2, 3, 4 })
        {
            await PublishAsync(entity);
        }

        Assert.True(await CountReachedAsync(refreshes, 2), "the changes within the pace were never shown");
        Assert.Equal(2, refreshes.Count);
        var (first, second) = (refreshes.First(), refreshes.Last());
        Assert.Equal(1, first.EntityId);
        Assert.Equal(4, second.EntityId); // the newest of the three that arrived within the pace
        Assert.True(Stopwatch.GetElapsedTime(first.At, second.At) >= Pace - TimeSpan.FromMilliseconds(20),
            $"refreshed again after {Stopwatch.GetElapsedTime(first.At, second.At).TotalMilliseconds:0} ms");
    }

    /// <summary>The refreshes run on timers, not on renders of this invisible component: poll until they are counted.</summary>
    private static async Task<bool> CountReachedAsync<T>(ConcurrentQueue<T> queue, int count)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(10));
        var waited = Stopwatch.StartNew();
        while (queue.Count < count && waited.Elapsed < Patience && await timer.WaitForNextTickAsync(Xunit.TestContext.Current.CancellationToken))
        {
        }

        return queue.Count >= count;
    }

    private Task PublishAsync(int entityId) => Services.GetRequiredService<IChangeFeed>()
        .PublishAsync(new DeskChange(ChangeKind.Task, 1, 7, entityId, "liaison@coop.example", DateTime.UtcNow), Xunit.TestContext.Current.CancellationToken);
}
