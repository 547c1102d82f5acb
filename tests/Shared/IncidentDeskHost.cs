using IncidentDesk.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
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
    public IncidentDeskHost(bool bootstrapOfficer = true, bool seedDemo = true, IDictionary<string, string?>? settings = null)
    {
        BootstrapOfficer = bootstrapOfficer;
        SeedDemo = seedDemo;
        Settings = settings is null ? new Dictionary<string, string?>() : new Dictionary<string, string?>(settings);
    }

    public bool BootstrapOfficer { get; }
    public bool SeedDemo { get; }
    public IReadOnlyDictionary<string, string?> Settings { get; }
    public string OfficerPassword { get; } = $"pw-{Guid.NewGuid():N}";
    public string DataFolder { get; } = Directory.CreateTempSubdirectory("incidentdesk-tests-").FullName;
    public string DatabasePath => Path.Combine(DataFolder, "incidentdesk.db");

    /// <summary>
    /// The engine under test: SQLite, or PostgreSQL in the suite compiled with <c>POSTGRESQL_SUITE</c>
    /// (tests/IncidentDesk.IntegrationTests.PostgreSQL runs the same tests there).
    /// </summary>
#if POSTGRESQL_SUITE
    public static DatabaseProvider Provider => DatabaseProvider.PostgreSQL;
#else
    public static DatabaseProvider Provider => DatabaseProvider.Sqlite;
#endif

    /// <summary>This host's database: a SQLite file in <see cref="DataFolder"/>, or a database of its own on the test cluster.</summary>
    public string ConnectionString => _connectionString ??= Provider == DatabaseProvider.PostgreSQL
        ? ThrowawayPostgres.Shared.CreateDatabase()
        : $"Data Source={DatabasePath}";
    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    private string? _connectionString;

    /// <summary>Starts Kestrel once; later calls return the running host.</summary>
    public IncidentDeskHost Start()
    {
        if (BaseAddress.IsDefaultPort)
        {
            UseKestrel(0);
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
        builder.UseEnvironment("Development");
        builder.UseSetting(DeskDatabase.ProviderKey, Provider.ToString());
        builder.UseSetting("ConnectionStrings:IncidentDesk", ConnectionString);
        builder.UseSetting("IncidentDesk:KeysFolder", Path.Combine(DataFolder, "keys"));
        builder.UseSetting("IncidentDesk:EvidenceFolder", Path.Combine(DataFolder, "evidence"));
        builder.UseSetting("IncidentDesk:SeedDemo", SeedDemo ? "true" : "false");
        // Every test signs in from 127.0.0.1; the real per-address limit is tested with a host of its own.
        if (!Settings.ContainsKey("IncidentDesk:RateLimits:AccountPerMinute"))
        {
            builder.UseSetting("IncidentDesk:RateLimits:AccountPerMinute", "100000");
        }
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

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools(); // the file can be deleted only once no pooled connection holds it
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
