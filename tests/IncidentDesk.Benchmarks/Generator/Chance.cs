namespace IncidentDesk.Benchmarks.Generator;

/// <summary>Weighted picks and random instants from the generator's one seeded <see cref="Random"/> (reproducible, not secret).</summary>
internal static class Chance
{
    public static T Pick<T>(this Random random, params ReadOnlySpan<(T Value, int Weight)> choices)
    {
        var total = 0;
        foreach (var c in choices)
        {
            total += c.Weight;
        }

        var roll = random.Next(total);
        foreach (var c in choices)
        {
            if ((roll -= c.Weight) < 0)
            {
                return c.Value;
            }
        }

        return choices[^1].Value;
    }

    public static DateTime Between(this Random random, DateTime from, DateTime to) =>
        to <= from ? from : from + TimeSpan.FromSeconds(random.NextDouble() * (to - from).TotalSeconds);

    public static T One<T>(this Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];
}
