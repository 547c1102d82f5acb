using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using IncidentDesk.Web.Features.Live;

namespace IncidentDesk.Benchmarks.Circuit;

/// <summary>
/// Listens to the app's own <see cref="LiveMetrics.PageRefresh"/> measurements (the app runs in this process): for each open
/// page's refresh, of the given view: the time from the change's publication to its render batch being sent — the server's clock, whatever
/// the browsers make of the batch afterwards.
/// </summary>
internal sealed class ServerRepaints : IDisposable
{
    private readonly MeterListener listener = new();
    private readonly ConcurrentQueue<double> samples = new();

    /// <param name="view">Which open view's refreshes to count, e.g. <c>matrix</c>.</param>
    public ServerRepaints(string view)
    {
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == LiveMetrics.MeterName && instrument.Name == LiveMetrics.PageRefresh)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<double>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == LiveMetrics.ViewTag && Equals(tag.Value, view))
                {
                    samples.Enqueue(value);
                }
            }
        });
        listener.Start();
    }

    public int Count => samples.Count;

    /// <summary>The samples recorded from <paramref name="from"/> (a <see cref="Count"/> taken earlier) on.</summary>
    public IReadOnlyList<double> Since(int from) => [.. samples.Skip(from)];

    /// <summary>Waits until <paramref name="count"/> samples exist (every page has sent its batch) or the time is up.</summary>
    public async Task<bool> WaitForAsync(int count, TimeSpan timeout)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(10));
        var until = DateTime.UtcNow + timeout;
        while (samples.Count < count)
        {
            if (DateTime.UtcNow > until || !await timer.WaitForNextTickAsync())
            {
                return false;
            }
        }

        return true;
    }

    public void Dispose() => listener.Dispose();
}
