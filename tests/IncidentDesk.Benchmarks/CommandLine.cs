using System.Globalization;

namespace IncidentDesk.Benchmarks;

/// <summary>The harness's <c>--name value</c> options; a mistyped option is an error, not silently ignored.</summary>
internal sealed class CommandLine
{
    private readonly Dictionary<string, string> values = new(StringComparer.Ordinal);
    private readonly HashSet<string> read = new(StringComparer.Ordinal);

    public CommandLine(IEnumerable<string> args)
    {
        var list = args.ToList();
        for (var i = 0; i < list.Count; i++)
        {
            var name = list[i];
            if (!name.StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException($"Expected --name value, got '{name}'.");
            }

            // A switch (--scale-out) has no value: the next word is another option or there is none.
            var hasValue = i + 1 < list.Count && !list[i + 1].StartsWith("--", StringComparison.Ordinal);
            values[name[2..]] = hasValue ? list[++i] : "true";
        }
    }

    /// <summary>A switch such as <c>--scale-out</c>.</summary>
    public bool Flag(string name) => Text(name) is { } text && bool.Parse(text);

    public int? Int(string name) => Text(name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : null;

    public string? Text(string name)
    {
        read.Add(name);
        return values.GetValueOrDefault(name);
    }

    /// <summary>A duration as <c>5s</c>, <c>200ms</c>, <c>2m</c> or plain seconds.</summary>
    public TimeSpan? Duration(string name) => Text(name) switch
    {
        null => null,
        var t when t.EndsWith("ms", StringComparison.Ordinal) => TimeSpan.FromMilliseconds(double.Parse(t[..^2], CultureInfo.InvariantCulture)),
        var t when t.EndsWith('s') => TimeSpan.FromSeconds(double.Parse(t[..^1], CultureInfo.InvariantCulture)),
        var t when t.EndsWith('m') => TimeSpan.FromMinutes(double.Parse(t[..^1], CultureInfo.InvariantCulture)),
        var t => TimeSpan.FromSeconds(double.Parse(t, CultureInfo.InvariantCulture)),
    };

    /// <summary>Throws when an option was given that nobody read (a typo such as <c>--incident</c>).</summary>
    public void EnsureAllRead()
    {
        var unknown = values.Keys.Where(k => !read.Contains(k)).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"Unknown option(s): {string.Join(", ", unknown.Select(u => "--" + u))}");
        }
    }
}
