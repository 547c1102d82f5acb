namespace IncidentDesk.Web.Operators;

internal enum InvocationKind
{
    /// <summary>No verb: the web server starts.</summary>
    Serve,

    /// <summary>An operator command (<c>users list</c>, <c>audit verify</c>…).</summary>
    Command,

    /// <summary><c>help</c>, <c>--help</c>, <c>-h</c>: the usage text, nothing started.</summary>
    Help,

    /// <summary>A word that is no verb: a usage error, never a silently started server.</summary>
    UnknownVerb,
}

/// <summary>
/// What the program's arguments ask for, split into the host's settings (<c>--contentRoot X</c>, <c>--environment X</c>,
/// <c>--urls X</c>, <c>--Section:Key value</c>, <c>--key=value</c>, <c>Key=value</c>) and the command's words and options,
/// wherever each stands: <c>--contentRoot X audit verify</c> and <c>audit verify --contentRoot X</c> are the same.
/// </summary>
internal sealed record Invocation(InvocationKind Kind, string[] HostArgs, string[] CommandArgs, string? UnknownWord)
{
    /// <summary>Settings of the web host itself that take a value; any <c>--Section:Key</c> is configuration too.</summary>
    private static readonly HashSet<string> HostOptions = new(StringComparer.OrdinalIgnoreCase)
    {
        "contentRoot", "environment", "applicationName", "urls",
    };

    private static readonly HashSet<string> HelpWords = new(StringComparer.OrdinalIgnoreCase) { "help", "--help", "-h", "-?" };

    public static Invocation Read(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var words = Words(args);
        if (words.Count == 0)
        {
            return args.Any(HelpWords.Contains)
                ? new(InvocationKind.Help, [], [], null)
                : new(InvocationKind.Serve, args, [], null);
        }

        if (HelpWords.Contains(words[0]))
        {
            return new(InvocationKind.Help, [], [], null);
        }

        if (!OperatorCommandLine.IsVerb(words[0]))
        {
            return new(InvocationKind.UnknownVerb, [], [], words[0]);
        }

        var command = OperatorCommandLine.Find(words);
        var optionNames = command is null ? [] : command.Options.Concat(command.Flags).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var host = new List<string>();
        var commandArgs = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (!IsOption(arg))
            {
                (arg.Contains('=', StringComparison.Ordinal) ? host : commandArgs).Add(arg);
                continue;
            }

            var name = arg.TrimStart('-');
            if (name.Split('=', 2) is [var key, _])
            {
                (optionNames.Contains(key) ? commandArgs : host).Add(arg);
                continue;
            }

            // A command's misspelt option stays with the command, which refuses it; only the host's own go to the host.
            var target = !optionNames.Contains(name) && (HostOptions.Contains(name) || name.Contains(':', StringComparison.Ordinal))
                ? host
                : commandArgs;
            target.Add(arg);
            if (TakesValue(name, command) && i + 1 < args.Length && !IsOption(args[i + 1]))
            {
                target.Add(args[++i]);
            }
        }

        return new(InvocationKind.Command, [.. host], [.. commandArgs], null);
    }

    /// <summary>The positional words (verb, sub-command, a file), leaving out every option and its value.</summary>
    private static List<string> Words(string[] args)
    {
        var words = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (IsOption(arg))
            {
                var name = arg.TrimStart('-');
                if (!name.Contains('=', StringComparison.Ordinal) && !HelpWords.Contains(arg) && i + 1 < args.Length && !IsOption(args[i + 1])
                    && !IsFlag(name, words))
                {
                    i++; // its value
                }
            }
            else if (!arg.Contains('=', StringComparison.Ordinal))
            {
                words.Add(arg);
            }
        }

        return words;
    }

    private static bool IsOption(string arg) => arg.StartsWith("--", StringComparison.Ordinal) && arg.Length > 2;

    private static bool TakesValue(string name, IOperatorCommand? command) =>
        command is null || !command.Flags.Contains(name, StringComparer.OrdinalIgnoreCase);

    /// <summary>A flag of the command named so far takes no value: the word after it is the next positional.</summary>
    private static bool IsFlag(string name, List<string> wordsSoFar) =>
        OperatorCommandLine.Find(wordsSoFar) is { } command && command.Flags.Contains(name, StringComparer.OrdinalIgnoreCase);
}
