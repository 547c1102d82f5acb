namespace IncidentDesk.Web.Operators;

/// <summary>A command line the operator got wrong: the usage text follows the message, exit code 64.</summary>
internal sealed class UsageException(string message) : Exception(message);

/// <summary>
/// The <c>--name value</c> options of one command. Host settings on the same command line
/// (<c>--Key=value</c>, <c>--Section:Key value</c>, <c>--contentRoot</c>, <c>--environment</c>) belong to the
/// host, not to the command, and are skipped; anything else unknown is a usage error (a typo must not pass).
/// </summary>
internal sealed class CommandOptions
{
    private static readonly HashSet<string> HostOptions = new(StringComparer.OrdinalIgnoreCase)
    {
        "contentRoot", "environment", "applicationName", "urls",
    };

    private readonly Dictionary<string, string> _values = new(StringComparer.OrdinalIgnoreCase);

    private CommandOptions()
    {
    }

    public static CommandOptions Parse(IReadOnlyList<string> args, IReadOnlyCollection<string> allowed)
    {
        var options = new CommandOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal) || arg.Length == 2)
            {
                throw new UsageException($"Unexpected argument '{arg}'.");
            }

            var name = arg[2..];
            if (name.Contains('=', StringComparison.Ordinal))
            {
                continue;
            }

            var hasValue = i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal);
            if (HostOptions.Contains(name) || name.Contains(':', StringComparison.Ordinal))
            {
                i += hasValue ? 1 : 0;
                continue;
            }

            if (!allowed.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                throw new UsageException($"Unknown option --{name}.");
            }

            if (!hasValue)
            {
                throw new UsageException($"Option --{name} needs a value.");
            }

            if (!options._values.TryAdd(name, args[++i]))
            {
                throw new UsageException($"Option --{name} is given twice.");
            }
        }

        return options;
    }

    public string Required(string name) =>
        Optional(name) ?? throw new UsageException($"Missing option --{name}.");

    public string? Optional(string name) =>
        _values.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}
