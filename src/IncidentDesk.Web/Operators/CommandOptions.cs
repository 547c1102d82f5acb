namespace IncidentDesk.Web.Operators;

/// <summary>A command line the operator got wrong: the usage text follows the message, exit code 64.</summary>
internal sealed class UsageException(string message) : Exception(message);

/// <summary>
/// The <c>--name value</c> (or <c>--name=value</c>) options and the <c>--flag</c> switches of one command. The host's own
/// settings were already set apart (<see cref="Invocation"/>); anything else unknown is a usage error (a typo must not pass).
/// </summary>
internal sealed class CommandOptions
{
    private readonly Dictionary<string, string> _values = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _flags = new(StringComparer.OrdinalIgnoreCase);

    private CommandOptions()
    {
    }

    public static CommandOptions Parse(IReadOnlyList<string> args, IReadOnlyCollection<string> allowed, IReadOnlyCollection<string>? flags = null)
    {
        flags ??= [];
        var options = new CommandOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal) || arg.Length == 2)
            {
                throw new UsageException($"Unexpected argument '{arg}'.");
            }

            var (name, inline) = arg[2..].Split('=', 2) is [var key, var value] ? (key, value) : (arg[2..], null);
            if (flags.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                if (inline is not null || !options._flags.Add(name))
                {
                    throw new UsageException(inline is not null ? $"--{name} takes no value." : $"Option --{name} is given twice.");
                }

                continue;
            }

            if (!allowed.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                throw new UsageException($"Unknown option --{name}.");
            }

            var hasValue = inline is not null || (i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal));
            if (!hasValue)
            {
                throw new UsageException($"Option --{name} needs a value.");
            }

            if (!options._values.TryAdd(name, inline ?? args[++i]))
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

    public bool Has(string flag) => _flags.Contains(flag);
}
