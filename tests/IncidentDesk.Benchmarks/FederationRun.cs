using System.Globalization;
using System.Security.Claims;
using IncidentDesk.Data;
using IncidentDesk.Testing;
using IncidentDesk.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentDesk.Benchmarks;

/// <summary>
/// The real app on loopback with the 340-co-op demo directory and the reference incident: one instance on its own SQLite
/// file, or (scaled out) two instances sharing a PostgreSQL database and Redis, both real and thrown away afterwards.
/// </summary>
internal sealed class FederationRun : IAsyncDisposable
{
    private ScaledOutDesk? _desk;

    private FederationRun(IncidentDeskHost host) => Host = host;

    public IncidentDeskHost Host { get; }

    /// <summary>The second instance when scaled out.</summary>
    public IncidentDeskHost? Second { get; private set; }

    public IReadOnlyList<IncidentDeskHost> Instances => Second is null ? [Host] : [Host, Second];

    /// <summary>Scaled out: restarts the shared PostgreSQL server under the running instances.</summary>
    public Task RestartPostgresAsync() => _desk is null ? throw new InvalidOperationException("Only a scaled-out run has a PostgreSQL server.")
        : ThrowawayPostgres.Shared.RestartAsync();

    /// <summary>Scaled out: stops Redis for <paramref name="down"/>, then starts it again on the same port.</summary>
    public async Task RestartRedisAsync(TimeSpan down)
    {
        var desk = _desk ?? throw new InvalidOperationException("Only a scaled-out run has a Redis server.");
        await desk.Redis.StopAsync();
        await Task.Delay(down); // the outage's length is the scenario's, not a wait for a condition
        await desk.Redis.StartAgainAsync();
    }
    public int CoopCount { get; private set; }
    public int IncidentId { get; private set; }
    public string ConnectionString => $"Data Source={Host.DatabasePath}";

    /// <param name="database">A database file to run on (e.g. a generated history); it is copied, so the original stays as it was.</param>
    /// <param name="extra">More configuration (mail to a test SMTP server, exposure watch's bounds), applied over the harness's own.</param>
    /// <param name="port">A fixed loopback port (0: any free one), for configuration that must name the address.</param>
    public static async Task<FederationRun> StartAsync(string? database = null, IReadOnlyDictionary<string, string?>? extra = null, int port = 0)
    {
        var settings = Settings();
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var host = new IncidentDeskHost(settings: settings) { Port = port };
        if (database is not null)
        {
            // Before the app starts, so its migration and seeding see the ready-made file and leave it alone.
            File.Copy(database, host.DatabasePath);
        }

        host.Start();
        return await ReadyAsync(new FederationRun(host));
    }

    /// <summary>Two instances on one PostgreSQL database and one Redis: A migrates and seeds, then B joins.</summary>
    public static async Task<FederationRun> StartScaledOutAsync()
    {
        var desk = await ScaledOutDesk.PrepareAsync(Settings());
        var run = new FederationRun(desk.StartInstance(first: true)) { _desk = desk };
        run.Second = desk.StartInstance(first: false);
        return await ReadyAsync(run);
    }

    private static Dictionary<string, string?> Settings()
    {
        // Run from anywhere: tell the test server where the app's content root is (the project folder, as in the tests).
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_INCIDENTDESK_WEB", WebProjectFolder());
        return new()
        {
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft"] = "Warning",
            // The load of 340 liaisons comes from one address here; the real per-address limit is not what is measured.
            ["IncidentDesk:RateLimits:ApiPerMinute"] = "1000000",
        };
    }

    private static async Task<FederationRun> ReadyAsync(FederationRun run)
    {
        await using var db = run.CreateDb();
        run.CoopCount = await db.Coops.CountAsync(c => c.IsActive);
        run.IncidentId = await db.Incidents.OrderBy(i => i.Id).Select(i => i.Id).FirstAsync();
        return run;
    }

    private static string WebProjectFolder()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "src", "IncidentDesk.Web");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("src/IncidentDesk.Web not found above the harness's folder.");
    }

    public IncidentDeskDbContext CreateDb() =>
        Host.Services.GetRequiredService<FederationWideDb>().CreateDbContext();

    /// <summary>A DI scope acting as someone of that role (and co-op), as a circuit or request of theirs would.</summary>
    public AsyncServiceScope ActingAs(string role, int? coopId = null)
    {
        var scope = Host.Services.CreateAsyncScope();
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, $"bench-{Guid.NewGuid():N}"),
            new(ClaimTypes.Name, $"{role.ToLowerInvariant()}@benchmark.example"),
            new(ClaimTypes.Role, role),
        };
        if (coopId is { } id)
        {
            claims.Add(new Claim(CurrentUser.CoopIdClaim, id.ToString(CultureInfo.InvariantCulture)));
        }

        scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(new ClaimsPrincipal(new ClaimsIdentity(claims, "benchmark")));
        return scope;
    }

    public async ValueTask DisposeAsync()
    {
        if (Second is not null)
        {
            await Second.DisposeAsync();
        }

        await Host.DisposeAsync();
        if (_desk is not null)
        {
            await _desk.DisposeAsync();
        }
    }
}
