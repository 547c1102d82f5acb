using IncidentDesk.Data;
using IncidentDesk.Data.Seeding;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentDesk.Testing;

/// <summary>
/// The real app on real Kestrel (loopback, random port) with its own SQLite file in a temp folder.
/// The bootstrap officer's password is random per run: no credential is written in the code.
/// </summary>
public sealed class IncidentDeskHost : WebApplicationFactory<Program>
{
    public const string OfficerEmail = "encarregado@federacao.example";
    public const string OfficerName = "Ana Encarregada";

    /// <param name="settings">Extra configuration (e.g. a tiny rate limit), applied last so it wins.</param>
    /// <param name="seededCopy">
    /// With the demo data, start from a copy of a database the test process migrated and seeded once (the app's seeder
    /// then finds the directory there and leaves it alone): seeding 340 co-ops per host costs seconds on two cores.
    /// False: the app migrates and seeds an empty database itself, as on a real first start. Hosts without the demo
    /// incident always do (they keep the app's own seeding on start tested).
    /// </param>
    public IncidentDeskHost(bool bootstrapOfficer = true, bool seedDemo = true, IDictionary<string, string?>? settings = null,
        bool seededCopy = true)
    {
        BootstrapOfficer = bootstrapOfficer;
        SeedDemo = seedDemo;
        Settings = settings is null ? new Dictionary<string, string?>() : new Dictionary<string, string?>(settings);
        // A host pointed at a database of its own (a scaled-out installation) is left to migrate and seed it.
        SeededCopy = seededCopy && seedDemo && !Settings.ContainsKey("ConnectionStrings:IncidentDesk");
    }

    public bool BootstrapOfficer { get; }
    public bool SeedDemo { get; }
    public bool SeededCopy { get; }
    public IReadOnlyDictionary<string, string?> Settings { get; }
    public string OfficerPassword { get; } = $"pw-{Guid.NewGuid():N}";
    public string DataFolder { get; } = Directory.CreateTempSubdirectory("incidentdesk-tests-").FullName;

    /// <summary>The loopback port to listen on; 0 picks a free one. Fixed when the address must be known before the start (mail links).</summary>
    public int Port { get; init; }
    public string DatabasePath => Path.Combine(DataFolder, "incidentdesk.db");

    /// <summary>The audit chain's sealing keys; instances of one scaled-out desk share them (see <see cref="ScaledOutDesk"/>).</summary>
    public string AuditKeysFolder => Settings.TryGetValue("IncidentDesk:Audit:KeysFolder", out var shared) && shared is not null
        ? shared : Path.Combine(DataFolder, "audit-keys");

    /// <summary>Where the signed checkpoints of the audit chain are written.</summary>
    public string CheckpointsFolder => Settings.TryGetValue("IncidentDesk:Audit:CheckpointsFolder", out var shared) && shared is not null
        ? shared : Path.Combine(DataFolder, "audit-checkpoints");

    /// <summary>
    /// The engine under test: SQLite, or PostgreSQL in the suite compiled with <c>POSTGRESQL_SUITE</c>
    /// (tests/IncidentDesk.IntegrationTests.PostgreSQL runs the same tests there).
    /// </summary>
#if POSTGRESQL_SUITE
    public static DatabaseProvider Provider => DatabaseProvider.PostgreSQL;
#else
    public static DatabaseProvider Provider => DatabaseProvider.Sqlite;
#endif

    /// <summary>The servers a host of this suite starts besides itself: the PostgreSQL cluster in the PostgreSQL suite.</summary>
    public static TestServer[] RequiredServers => Provider == DatabaseProvider.PostgreSQL ? [TestServer.PostgreSql] : [];

    /// <summary>
    /// False when a server this suite needs is missing: fixtures then start nothing (a fixture that throws would fail every
    /// test it serves), and the suite reports each test as skipped with the reason (<c>RequiresAttribute</c>).
    /// </summary>
    public static bool CanStart => TestServers.AreAvailable(RequiredServers);

    /// <summary>This host's database: a SQLite file in <see cref="DataFolder"/>, or a database of its own on the test cluster.</summary>
    public string ConnectionString => _connectionString ??= Provider == DatabaseProvider.PostgreSQL
        ? ThrowawayPostgres.Shared.CreateDatabase(seeded: SeededCopy)
        : $"Data Source={DatabasePath}";
    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    private string? _connectionString;

    /// <summary>Starts Kestrel once; later calls return the running host.</summary>
    public IncidentDeskHost Start()
    {
        if (BaseAddress.IsDefaultPort)
        {
            UseKestrel(Port);
            StartServer();
            var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!
                .Addresses.First();
            BaseAddress = new Uri(address.TrimEnd('/') + "/");
        }

        return this;
    }

    /// <summary>A browser-like client: keeps cookies, does not follow redirects so tests can see them.</summary>
    public HttpClient CreateBrowserClient(bool followRedirects = false)
    {
        Start();
        var handler = new HttpClientHandler { AllowAutoRedirect = followRedirects, UseCookies = true };
        return new HttpClient(handler) { BaseAddress = BaseAddress };
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // A file put there before the start (a generated history, a derived factory's host) is kept as it is.
        if (SeededCopy && Provider == DatabaseProvider.Sqlite && !File.Exists(DatabasePath))
        {
            File.Copy(SeededSqliteFile.Value, DatabasePath);
        }

        builder.UseEnvironment("Development");
        builder.UseSetting(DeskDatabase.ProviderKey, Provider.ToString());
        builder.UseSetting("ConnectionStrings:IncidentDesk", ConnectionString);
        builder.UseSetting("IncidentDesk:KeysFolder", Path.Combine(DataFolder, "keys"));
        builder.UseSetting("IncidentDesk:EvidenceFolder", Path.Combine(DataFolder, "evidence"));
        builder.UseSetting("IncidentDesk:Audit:KeysFolder", AuditKeysFolder);
        builder.UseSetting("IncidentDesk:Audit:CheckpointsFolder", CheckpointsFolder);
        builder.UseSetting("IncidentDesk:SeedDemo", SeedDemo ? "true" : "false");
        builder.UseSetting("IncidentDesk:Mail:PickupFolder", Path.Combine(DataFolder, "mail"));
        // Mail is queued by every host but sent, and the daily runs started, only where a test turns them on: a mail sent in
        // the background would append audit entries under tests that count them.
        builder.UseSetting("IncidentDesk:Mail:SendEnabled", "false");
        builder.UseSetting("IncidentDesk:Mail:ScheduleEnabled", "false");
        // Every test signs in from 127.0.0.1; the real per-address limit is tested with a host of its own.
        if (!Settings.ContainsKey("IncidentDesk:RateLimits:AccountPerMinute"))
        {
            builder.UseSetting("IncidentDesk:RateLimits:AccountPerMinute", "100000");
        }
        // Test brokers run on loopback, which production refuses to check; and no test host checks on a schedule unless a
        // test asks it to (a run at start would write to the audit trail of every host).
        builder.UseSetting("IncidentDesk:ExposureWatch:AllowPrivateTargets", "true");
        builder.UseSetting("IncidentDesk:ExposureWatch:Schedule:Enabled", "false");
        if (BootstrapOfficer)
        {
            builder.UseSetting("IncidentDesk:Bootstrap:OfficerEmail", OfficerEmail);
            builder.UseSetting("IncidentDesk:Bootstrap:OfficerPassword", OfficerPassword);
            builder.UseSetting("IncidentDesk:Bootstrap:OfficerName", OfficerName);
        }

        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>The SQLite database every seeded host copies: migrated and seeded (demo incident included) once per test process.</summary>
    private static readonly Lazy<string> SeededSqliteFile = new(() =>
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("incidentdesk-seeded-").FullName, "incidentdesk.db");
        AppDomain.CurrentDomain.ProcessExit += (_, _) => DeleteFolder(Path.GetDirectoryName(path)!);
        var connection = new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString();
        SeedOutsideTheApp(DatabaseProvider.Sqlite, connection);
        return path;
    });

    /// <summary>A copy of the migrated and seeded SQLite database at <paramref name="path"/>, for hosts that share a file.</summary>
    public static string CopySeededDatabase(string path)
    {
        File.Copy(SeededSqliteFile.Value, path);
        return path;
    }

    /// <summary>Migrates and seeds a database with the app's own migrations and seeder, as the app does on its first start.</summary>
    internal static void SeedOutsideTheApp(DatabaseProvider provider, string connectionString)
    {
        var options = new DbContextOptionsBuilder<IncidentDeskDbContext>();
        options.UseDesk(provider, connectionString, Path.GetTempPath()).UseAppModelOutsideTheApp();
        using var db = new IncidentDeskDbContext(options.Options) { Scope = CoopScope.FederationWide };
        DeskDatabase.MigrateAsync(db).GetAwaiter().GetResult();
        new DatabaseSeeder(db, TimeProvider.System).SeedAsync(includeDemoIncident: true).GetAwaiter().GetResult();
        if (provider == DatabaseProvider.Sqlite)
        {
            // Everything into the main file, so a plain file copy is the whole database.
            db.Database.ExecuteSqlRaw("PRAGMA wal_checkpoint(TRUNCATE);");
        }
    }

    private static void DeleteFolder(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools(); // the file can be deleted only once no pooled connection holds it
        if (Provider == DatabaseProvider.PostgreSQL && _connectionString is not null)
        {
            await ThrowawayPostgres.Shared.DropDatabaseAsync(_connectionString);
        }
        try
        {
            Directory.Delete(DataFolder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; never fail a test run over cleanup.
        }
    }
}
