namespace IncidentDesk.Testing;

/// <summary>A program some tests start themselves: a throwaway database or cache server, the browser, or a pinned API tool.</summary>
public enum TestServer
{
    PostgreSql,
    Redis,
    Chromium,
    /// <summary>Node.js with the npm tools pinned in tests/IncidentDesk.IntegrationTests/ApiTools (Redocly CLI).</summary>
    Node,
    /// <summary>The Kiota client generator pinned in dotnet-tools.json.</summary>
    Kiota,

    /// <summary>Not a program: the right to mount a small tmpfs, so the disk-full tests can fill a data folder (root).</summary>
    SizeLimitedMount,
}

/// <summary>
/// Where the tests find the server programs they start, and what to say when one is missing. The environment variables
/// point the tests at another binary (a build of one's own, or a path that does not exist, to see the skip reasons);
/// <c>./test.sh</c> reads the same variables and installs the Debian packages named here when it may.
/// </summary>
public static partial class TestServers
{
    public const string PostgresBinVariable = "INCIDENTDESK_TEST_POSTGRES_BIN";
    public const string RedisServerVariable = "INCIDENTDESK_TEST_REDIS_SERVER";
    public const string ChromiumVariable = "CHROMIUM_PATH";

    private static readonly Lazy<string?> PostgresBinFolder = new(FindPostgresBin);

    /// <summary>The folder holding initdb, pg_ctl and postgres; null when there is none.</summary>
    public static string? PostgresBin => PostgresBinFolder.Value;

    public static string RedisServer => Environment.GetEnvironmentVariable(RedisServerVariable) is { Length: > 0 } configured
        ? configured
        : OnPath("redis-server") ?? "/usr/bin/redis-server";

    public static string Chromium => Environment.GetEnvironmentVariable(ChromiumVariable) is { Length: > 0 } configured
        ? configured
        : "/usr/bin/chromium";

    /// <summary>Why the tests cannot start <paramref name="server"/> on this machine, with the line that fixes it; null when they can.</summary>
    public static string? Missing(TestServer server) => server switch
    {
        TestServer.PostgreSql when PostgresBin is null => Environment.GetEnvironmentVariable(PostgresBinVariable) is { Length: > 0 } folder
            ? $"No PostgreSQL server in {folder} ({PostgresBinVariable}): initdb, pg_ctl and postgres are needed there. Install: sudo apt-get install -y postgresql, and unset {PostgresBinVariable}."
            : "No PostgreSQL server (initdb, pg_ctl, postgres under /usr/lib/postgresql/<version>/bin). Install: sudo apt-get install -y postgresql",
        TestServer.Redis when !IsProgram(RedisServer) => Environment.GetEnvironmentVariable(RedisServerVariable) is { Length: > 0 }
            ? $"No redis-server at {RedisServer} ({RedisServerVariable}). Install: sudo apt-get install -y redis-server, and unset {RedisServerVariable}."
            : "No redis-server on this machine. Install: sudo apt-get install -y redis-server",
        TestServer.Node => MissingNodeTools(),
        TestServer.Kiota when !Directory.Exists(KiotaPackage) =>
            $"The pinned Kiota generator ({KiotaVersion}) is not restored. Install: dotnet tool restore (in the repository; ./test.sh does it)",
        TestServer.Chromium when !IsProgram(Chromium) => Environment.GetEnvironmentVariable(ChromiumVariable) is { Length: > 0 }
            ? $"No Chromium at {Chromium} ({ChromiumVariable}). Install: sudo apt-get install -y chromium fonts-dejavu-core, and unset {ChromiumVariable}."
            : "No Chromium at /usr/bin/chromium. Install: sudo apt-get install -y chromium fonts-dejavu-core (or set CHROMIUM_PATH)",
        TestServer.SizeLimitedMount when !Environment.IsPrivilegedProcess =>
            "Filling a data folder needs a size-limited tmpfs, and mounting one needs root (mount -t tmpfs). Run the tests as root, as CI does.",
        _ => null,
    };

    /// <summary>The repository's root folder (the one holding IncidentDesk.sln), found upwards from the test binaries.</summary>
    public static string RepositoryRoot => Root.Value;

    /// <summary>The npm project pinning the command-line tools run against the API document.</summary>
    public static string ApiToolsFolder => Path.Combine(RepositoryRoot, "tests", "IncidentDesk.IntegrationTests", "ApiTools");

    public static string Redocly => Path.Combine(ApiToolsFolder, "node_modules", ".bin", "redocly");

    /// <summary>The Kiota version pinned in dotnet-tools.json (what <c>dotnet tool restore</c> installs).</summary>
    public static string KiotaVersion => PinnedKiota.Value;

    private const string NodeToolsInstall = "npm ci --prefix tests/IncidentDesk.IntegrationTests/ApiTools";
    private static readonly Lazy<string> Root = new(FindRepositoryRoot);
    private static readonly Lazy<Version?> NodeVersion = new(FindNodeVersion);
    private static readonly Lazy<string> PinnedKiota = new(() =>
    {
        using var manifest = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot, "dotnet-tools.json")));
        return manifest.RootElement.GetProperty("tools").GetProperty("microsoft.openapi.kiota").GetProperty("version").GetString()!;
    });

    private static string KiotaPackage => Path.Combine(
        Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } packages
            ? packages
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages"),
        "microsoft.openapi.kiota", KiotaVersion);

    // The pinned Redocly CLI runs on Node.js 20.19 and later (its package's engines field).
    private static string? MissingNodeTools() => NodeVersion.Value switch
    {
        null => $"No Node.js on this machine (the API document is linted with the pinned Redocly CLI). Install: sudo apt-get install -y nodejs npm && {NodeToolsInstall}",
        { } v when v < new Version(20, 19) =>
            $"Node.js {v} is older than the pinned Redocly CLI needs (20.19 or later). Install a newer nodejs, then {NodeToolsInstall}",
        _ when !IsProgram(Redocly) => $"The pinned API tools are not installed. Install: {NodeToolsInstall} (./test.sh does it)",
        _ => null,
    };

    private static Version? FindNodeVersion()
    {
        if (OnPath("node") is not { } node)
        {
            return null;
        }

        using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo(node, "--version")
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        });
        if (process is null)
        {
            return null;
        }

        var printed = process.StandardOutput.ReadToEnd().Trim().TrimStart('v');
        process.WaitForExit();
        return Version.TryParse(printed, out var version) ? version : null;
    }

    private static string FindRepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "IncidentDesk.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No IncidentDesk.sln above {AppContext.BaseDirectory}.");
    }

    public static bool AreAvailable(params TestServer[] servers) => servers.All(s => Missing(s) is null);

    /// <summary>Stops the current test as skipped (in the test suites) or the program (in the benchmark harness) when <paramref name="server"/> is missing.</summary>
    public static void Require(TestServer server)
    {
        if (Missing(server) is { } reason)
        {
            SkipCurrentTest(reason);
            throw new InvalidOperationException(reason);
        }
    }

    /// <summary>Implemented where xUnit is referenced (<see cref="RequiresAttribute"/>); the benchmark harness has no test to skip.</summary>
    static partial void SkipCurrentTest(string reason);

    private static string? FindPostgresBin()
    {
        if (Environment.GetEnvironmentVariable(PostgresBinVariable) is { Length: > 0 } configured)
        {
            return HasPostgres(configured) ? configured : null;
        }

        var versions = Directory.Exists("/usr/lib/postgresql") ? Directory.GetDirectories("/usr/lib/postgresql") : [];
        return versions
            .Select(v => Path.Combine(v, "bin"))
            .Where(HasPostgres)
            .OrderByDescending(bin => int.TryParse(Path.GetFileName(Path.GetDirectoryName(bin)), out var major) ? major : 0)
            .FirstOrDefault();
    }

    private static bool HasPostgres(string bin) =>
        IsProgram(Path.Combine(bin, "postgres")) && IsProgram(Path.Combine(bin, "initdb")) && IsProgram(Path.Combine(bin, "pg_ctl"));

    private static string? OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, program))
            .FirstOrDefault(IsProgram);

    /// <summary>A file that can be run, as the shell's <c>-x</c> sees it (<c>./test.sh</c> checks the same way).</summary>
    private static bool IsProgram(string path) =>
        File.Exists(path)
        && (OperatingSystem.IsWindows()
            || (File.GetUnixFileMode(path) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0);
}
