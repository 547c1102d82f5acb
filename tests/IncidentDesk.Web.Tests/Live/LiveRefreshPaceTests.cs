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

    [Fact]
    public async Task A_campaign_change_and_an_answer_within_one_pace_refresh_everything_not_only_the_answer()
    {
        var refreshes = new ConcurrentQueue<ChangeKind>();
        Render<LiveChanges>(p => p.Add(c => c.View, "matrix").Add(c => c.Pace, Pace)
            .Add(c => c.Changed, (DeskChange change) => refreshes.Enqueue(change.Kind)));

        await PublishAsync(1);
        Assert.True(await CountReachedAsync(refreshes, 1), "the first change after a quiet spell was not shown");
        await Services.GetRequiredService<IChangeFeed>().PublishAsync(
            new DeskChange(ChangeKind.Campaign, 1, null, 9, "officer@federacao.example", DateTime.UtcNow), Xunit.TestContext.Current.CancellationToken);
        await PublishAsync(2);

        Assert.True(await CountReachedAsync(refreshes, 2), "the changes within the pace were never shown");
        // A cancelled campaign followed by an answer: the page re-reads all it shows (a matrix patched with the answer
        // alone would still show the campaign as it was).
        Assert.Equal([ChangeKind.Task, ChangeKind.CatchUp], refreshes);
    }

    [Fact]
    public async Task A_page_hears_only_the_kinds_it_shows_and_every_catch_up()
    {
        var refreshes = new ConcurrentQueue<ChangeKind>();
        Render<LiveChanges>(p => p.Add(c => c.View, "matrix").Add(c => c.Pace, Pace).Add(c => c.Kinds, ChangeKinds.TaskWork)
            .Add(c => c.Changed, (DeskChange change) => refreshes.Enqueue(change.Kind)));
        var feed = Services.GetRequiredService<IChangeFeed>();

        // Evidence attached to the incident: not the matrix's business, so no re-read and no re-render of its rows.
        await feed.PublishAsync(new DeskChange(ChangeKind.Evidence, 1, null, 3, "officer@federacao.example", DateTime.UtcNow), Xunit.TestContext.Current.CancellationToken);
        await PublishAsync(1);
        Assert.True(await CountReachedAsync(refreshes, 1), "the answer was never shown");
        await feed.PublishAsync(new DeskChange(ChangeKind.CatchUp, 0, null, null, "system", DateTime.UtcNow), Xunit.TestContext.Current.CancellationToken);

        Assert.True(await CountReachedAsync(refreshes, 2), "the catch-up was never shown");
        // Had the evidence reached the page, it would have been shown first, or folded with the answer into a catch-up.
        Assert.Equal([ChangeKind.Task, ChangeKind.CatchUp], refreshes);
    }

    [Fact]
    public async Task The_person_whose_change_is_published_never_waits_for_an_open_page_to_refresh()
    {
        using var refreshing = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        Render<LiveChanges>(p => p.Add(c => c.View, "matrix").Add(c => c.Pace, Pace).Add(c => c.Changed, (DeskChange _) =>
        {
            // A page whose re-read holds its thread (SQLite reads do), as long as the test lets it.
            refreshing.Set();
            release.Wait(Patience);
        }));

        var publishing = Task.Run(() => PublishAsync(1), Xunit.TestContext.Current.CancellationToken);
        try
        {
            Assert.True(refreshing.Wait(Patience, Xunit.TestContext.Current.CancellationToken), "the page never refreshed");
            await publishing.WaitAsync(Patience / 2, Xunit.TestContext.Current.CancellationToken);
        }
        finally
        {
            release.Set();
        }
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
