using System.Diagnostics;
using System.Globalization;

namespace IncidentDesk.Benchmarks;

/// <summary>One measured figure: samples in milliseconds, summarised the way the README reports them.</summary>
internal sealed record Figure(string Name, IReadOnlyList<double> SamplesMs)
{
    public double Median => Percentile(50);
    public double P95 => Percentile(95);
    public double Min => SamplesMs.Min();

    public double Percentile(double p)
    {
        var sorted = SamplesMs.Order().ToArray();
        var rank = (int)Math.Ceiling(p / 100 * sorted.Length) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
    }

    public string Row(Figure? floor = null) => string.Create(CultureInfo.InvariantCulture,
        $"| {Name} | {SamplesMs.Count} | {Min:0.0} | {Median:0.0} | {P95:0.0} | {(floor is null ? "—" : $"{Median / floor.Median:0.0}×")} |");

    public static string Header =>
        "| figure | samples | min ms | median ms | p95 ms | × floor (median) |\n|---|---:|---:|---:|---:|---:|";

    /// <summary>Runs <paramref name="action"/> <paramref name="warmup"/> times unmeasured, then <paramref name="runs"/> times.</summary>
    public static async Task<Figure> MeasureAsync(string name, int warmup, int runs, Func<int, Task> action)
    {
        for (var i = 0; i < warmup; i++)
        {
            await action(-1 - i);
        }

        var samples = new List<double>(runs);
        for (var i = 0; i < runs; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await action(i);
            samples.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        return new Figure(name, samples);
    }

    /// <summary>As <see cref="MeasureAsync"/> when only part of each run is the figure: <paramref name="action"/> times that part itself.</summary>
    public static async Task<Figure> MeasureOwnAsync(string name, int warmup, int runs, Func<int, Task<TimeSpan>> action)
    {
        for (var i = 0; i < warmup; i++)
        {
            await action(-1 - i);
        }

        var samples = new List<double>(runs);
        for (var i = 0; i < runs; i++)
        {
            samples.Add((await action(i)).TotalMilliseconds);
        }

        return new Figure(name, samples);
    }
}
