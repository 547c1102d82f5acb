using System.Security.Claims;
using IncidentDesk.Web.Features.Audit;
using IncidentDesk.Web.Security;
using Microsoft.Extensions.Logging.Console;
using IncidentDesk.Data.Audit;

namespace IncidentDesk.Web.Operators;

/// <summary>
/// The operators' command line (<c>dotnet run --project src/IncidentDesk.Web -- users …</c> / <c>-- audit verify</c>):
/// same entry point and database as the app, for automation and break-glass recovery. It runs on the
/// server's own console, never over HTTP, and every command is audited as <c>cli:&lt;OS user&gt;</c>.
/// </summary>
internal static class OperatorCommandLine
{
    public const int Done = 0;
    public const int Refused = 1;
    public const int ChainBroken = 2;
    public const int UsageError = 64;

    public const string Usage = """
        IncidentDesk operators' command line

          users list
          users add --email E --role R [--coop CODE] [--name N]   (password: first line of standard input)
          users token --email E --name N [--expires-days D] [--allow-before-2fa]
                                                                    (prints a new personal access token once; an officer or
                                                                     auditor without 2FA is refused unless --allow-before-2fa)
          users reset-2fa --email E                                 (the user enrols an authenticator again)
          users deactivate --email E                                (no sign-in, tokens revoked, sessions end)
          audit verify                                              (walks the audit hash chain)
          backup FILE                                               (SQLite online backup, safe while the app runs)
          restore FILE                                              (checks the file's audit chain, then copies it in; stop the app first)

        Without a command the web server starts. Host options (--contentRoot DIR, --environment NAME, --urls URLS,
        --Section:Key value, --Key=value) may stand before, between or after the words of a command.
        Roles: PrivacyOfficer (or officer), CoopLiaison (or liaison; needs --coop), Auditor.
        Exit codes: 0 done, 1 refused (nothing written), 2 audit chain broken, 64 usage error.
        """;

    private static readonly Dictionary<string, Func<IOperatorCommand>> Commands = new(StringComparer.OrdinalIgnoreCase)
    {
        ["users list"] = () => new UsersListCommand(),
        ["users add"] = () => new UsersAddCommand(),
        ["users token"] = () => new UsersTokenCommand(),
        ["users reset-2fa"] = () => new UsersResetTwoFactorCommand(),
        ["users deactivate"] = () => new UsersDeactivateCommand(),
        ["audit verify"] = () => new AuditVerifyCommand(),
        ["database backup"] = () => new DatabaseBackupCommand(),
        ["database restore"] = () => new DatabaseRestoreCommand(),
    };

    private static readonly string[] Verbs = ["users", "audit", "database", "backup", "restore"];

    public static bool IsVerb(string word) => Verbs.Contains(word, StringComparer.OrdinalIgnoreCase);

    /// <summary>The command the leading words name (<c>users token</c>; <c>backup FILE</c> is <c>database backup</c>), if any.</summary>
    public static IOperatorCommand? Find(IReadOnlyList<string> words)
    {
        var name = words switch
        {
            [var verb, ..] when verb.Equals("backup", StringComparison.OrdinalIgnoreCase) || verb.Equals("restore", StringComparison.OrdinalIgnoreCase)
                => $"database {verb}",
            [var verb, var sub, ..] => $"{verb} {sub}",
            _ => null,
        };
        return name is not null && Commands.TryGetValue(name, out var create) ? create() : null;
    }

    /// <summary><c>backup FILE</c> and <c>restore FILE</c> are the short forms of <c>database backup --file FILE</c>.</summary>
    private static string[] Expand(string[] args) =>
        args is [var verb, var file, .. var rest] && (verb.Equals("backup", StringComparison.OrdinalIgnoreCase)
            || verb.Equals("restore", StringComparison.OrdinalIgnoreCase)) && !file.StartsWith("--", StringComparison.Ordinal)
            ? ["database", verb.ToLowerInvariant(), "--file", file, .. rest]
            : args;

    /// <summary>
    /// Answers what needs no host: the usage text for <c>help</c> (exit 0), and for a word that is no verb the list of
    /// verbs (exit 64) — an operator's typo must never start the web server instead.
    /// </summary>
    public static async Task<int> AnswerWithoutHostAsync(Invocation invocation, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (invocation.Kind == InvocationKind.Help)
        {
            await output.WriteLineAsync(Usage);
            return Done;
        }

        var what = invocation.UnknownWord is { } word ? $"Unknown command '{word}'." : "Which command?";
        await error.WriteLineAsync(
            $"{what} The verbs are: users, audit, backup, restore, database, help. "
            + "Without a verb (only host options such as --urls) the web server starts.");
        await error.WriteLineAsync();
        await error.WriteLineAsync(Usage);
        return UsageError;
    }

    /// <summary>A command's output is its result: the log stays quiet and goes to standard error.</summary>
    public static void QuietLogging(ILoggingBuilder logging)
    {
        ArgumentNullException.ThrowIfNull(logging);
        logging.SetMinimumLevel(LogLevel.Warning).AddFilter((string?)null, LogLevel.Warning);
        logging.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
    }

    internal static ClaimsPrincipal OperatorPrincipal(string name) => new(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.Name, name),
            new Claim(ClaimTypes.Role, AppRoles.PrivacyOfficer),
            new Claim(CurrentUser.TwoFactorClaim, "true"),
        ],
        authenticationType: "operator-cli"));

    public static async Task<int> RunAsync(
        IServiceProvider services, string[] args, TextReader input, TextWriter output, TextWriter error,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(error);
        var invocation = Invocation.Read(args);
        if (invocation.Kind != InvocationKind.Command)
        {
            return await AnswerWithoutHostAsync(invocation, output, error);
        }

        args = Expand(invocation.CommandArgs);
        try
        {
            var name = args.Length >= 2 ? $"{args[0]} {args[1]}" : string.Join(' ', args);
            if (!Commands.TryGetValue(name, out var create))
            {
                throw new UsageException(args.Length >= 2 ? $"Unknown command '{name}'." : "Which command?");
            }

            var command = create();
            var options = CommandOptions.Parse(args[2..], command.Options, command.Flags);
            await using var scope = services.CreateAsyncScope();
            var actor = new AuditActor(null, $"cli:{Environment.UserName}");
            // The operator acts with an officer's authority, so commands reuse the feature services and their rules.
            scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(OperatorPrincipal(actor.Name));
            var context = new OperatorContext(scope.ServiceProvider, options, input, output, error, actor);
            return await command.RunAsync(context, cancellationToken);
        }
        catch (UsageException e)
        {
            await error.WriteLineAsync(e.Message);
            await error.WriteLineAsync();
            await error.WriteLineAsync(Usage);
            return UsageError;
        }
    }
}
