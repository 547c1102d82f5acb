using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Bunit;
using IncidentDesk.Web.Features.Live;
using IncidentDesk.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace IncidentDesk.Web.Tests.Live;

/// <summary>
/// The refresh time operators read (<see cref="LiveMetrics.PageRefresh"/>): from a change's publication until the open page
/// has re-read and rendered it — and, when a burst collapses into one refresh, from the oldest change that refresh shows.
/// </summary>
public sealed class LiveRefreshTimingTests : MudComponentTestBase
{
    private static readonly TimeSpan Patience = Waits.Patience;
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 12, 0, 0, TimeSpan.Zero));
    private readonly ConcurrentQueue<(double Ms, string? View)> _refreshes = new();
    private readonly MeterListener _listener = new();

    public LiveRefreshTimingTests()
    {
        Services.AddSingleton<TimeProvider>(_clock);
    }

    [Fact]
    public async Task A_refresh_is_timed_from_the_changes_publication_until_the_page_has_rendered_it()
    {
        Render<LiveChanges>(p => p.Add(c => c.View, "matrix").Add(c => c.Pace, TimeSpan.Zero)
            .Add(c => c.Changed, (DeskChange _) => _clock.Advance(TimeSpan.FromMilliseconds(120))));
        Listen();

        await PublishAsync(_clock.GetUtcNow().UtcDateTime);

        await RefreshedAsync(1);
        Assert.Equal([(120.0, "matrix")], _refreshes);
    }

    [Fact]
    public async Task A_burst_collapsed_into_one_refresh_is_timed_from_the_oldest_change_it_shows()
    {
        var start = _clock.GetUtcNow().UtcDateTime;
        var firstReadStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var firstReadMayEnd = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var reads = 0;
        Render<LiveChanges>(p => p.Add(c => c.View, "matrix").Add(c => c.Pace, TimeSpan.Zero).Add(c => c.Changed, async (DeskChange _) =>
        {
            if (++reads == 1)
            {
                firstReadStarted.SetResult();
                await firstReadMayEnd.Task;
            }
        }));
        Listen();

        await PublishAsync(start);
        await firstReadStarted.Task.WaitAsync(Patience, Xunit.TestContext.Current.CancellationToken);
        // Two more changes while the page is still reading the first: they collapse into one more refresh.
        await PublishAsync(start.AddMilliseconds(10));
        await PublishAsync(start.AddMilliseconds(20));
        _clock.Advance(TimeSpan.FromMilliseconds(50));
        firstReadMayEnd.SetResult();
        await RefreshedAsync(1);
        // The first refresh took 50 ms: the next waits four times that (RestPerRefresh).
        _clock.Advance(TimeSpan.FromMilliseconds(200));

        await RefreshedAsync(2);
        Assert.Equal([50.0, 240.0], _refreshes.Select(r => r.Ms));
        Assert.Equal(2, reads);
    }

    [Fact]
    public async Task A_page_whose_refresh_was_slow_waits_four_times_as_long_before_the_next_one()
    {
        var pace = TimeSpan.FromMilliseconds(250);
        var refreshedAt = new ConcurrentQueue<DateTimeOffset>();
        Render<LiveChanges>(p => p.Add(c => c.View, "matrix").Add(c => c.Pace, pace).Add(c => c.Changed, async (DeskChange _) =>
        {
            refreshedAt.Enqueue(_clock.GetUtcNow());
            if (refreshedAt.Count == 1)
            {
                // The first refresh takes 200 ms (the cores are short), and a second change arrives meanwhile.
                _clock.Advance(TimeSpan.FromMilliseconds(200));
                await PublishAsync(_clock.GetUtcNow().UtcDateTime);
            }
        }));
        Listen();

        await PublishAsync(_clock.GetUtcNow().UtcDateTime);
        await RefreshedAsync(1);
        var firstEnded = refreshedAt.Single() + TimeSpan.FromMilliseconds(200);

        // Past the pace but within four times the slow refresh: a page that merely kept its pace would refresh now.
        _clock.Advance(TimeSpan.FromMilliseconds(790));
        Assert.False(await CountReachedAsync(refreshedAt, 2, TimeSpan.FromMilliseconds(300)), "refreshed again at the pace after a slow refresh");
        _clock.Advance(TimeSpan.FromMilliseconds(10));

        Assert.True(await CountReachedAsync(refreshedAt, 2, Patience), "the second change was never shown");
        Assert.Equal(firstEnded + TimeSpan.FromMilliseconds(800), refreshedAt.Last());
    }

    private static async Task<bool> CountReachedAsync<T>(ConcurrentQueue<T> queue, int count, TimeSpan within)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(10));
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (queue.Count < count && waited.Elapsed < within && await timer.WaitForNextTickAsync(Xunit.TestContext.Current.CancellationToken))
        {
        }

        return queue.Count >= count;
    }

    /// <summary>
    /// The page refreshes on its circuit after the publisher has returned, and this invisible component renders nothing
    /// a render-triggered wait would notice: poll until <paramref name="count"/> refreshes are measured.
    /// </summary>
    private async Task RefreshedAsync(int count)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(10));
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (_refreshes.Count < count && waited.Elapsed < Patience && await timer.WaitForNextTickAsync(Xunit.TestContext.Current.CancellationToken))
        {
        }
    }

    private Task PublishAsync(DateTime atUtc) => Services.GetRequiredService<IChangeFeed>()
        .PublishAsync(new DeskChange(ChangeKind.Task, 1, 7, 42, "liaison@coop.example", atUtc), Xunit.TestContext.Current.CancellationToken);

    /// <summary>Only this test's own meters: other tests run beside it with the same meter name.</summary>
    private void Listen()
    {
        var meters = Services.GetRequiredService<IMeterFactory>();
        _listener.InstrumentPublished = (instrument, l) =>
        {
            if (ReferenceEquals(instrument.Meter.Scope, meters) && instrument.Name == LiveMetrics.PageRefresh)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>((_, value, tags, _) =>
            _refreshes.Enqueue((value, tags.ToArray().FirstOrDefault(t => t.Key == LiveMetrics.ViewTag).Value as string)));
        _listener.Start();
    }

    protected override void Dispose(bool disposing)
    {
        _listener.Dispose();
        base.Dispose(disposing);
    }
}
