using System.Diagnostics;
using IncidentDesk.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace IncidentDesk.Testing;

/// <summary>
/// A real PostgreSQL server for the tests: a fresh cluster in a temp folder, listening on loopback only on a free port,
/// with a random password (even a test database is never left open), thrown away when the test process exits. The
/// schema is migrated once into a template; every host gets its own database copied from it (milliseconds, not the
/// seconds a migration takes). Needs the server binaries (<see cref="TestServers"/>; <c>./test.sh</c> installs them).
/// </summary>
public sealed class ThrowawayPostgres
{
    private const string User = "desk";
    private const string Template = "incidentdesk_template";
    private const string SeededTemplate = "incidentdesk_seeded";
    private static readonly Lazy<ThrowawayPostgres> SharedCluster = new(() => new ThrowawayPostgres());

    private readonly string _bin;
    private readonly string _folder;
    private readonly string _password = Guid.NewGuid().ToString("N");
    private readonly bool _asPostgresUser = Environment.UserName == "root"; // initdb refuses to run as root

    private readonly Lazy<string> _seededTemplate;
    private int _stopped;

    private ThrowawayPostgres()
    {
        _seededTemplate = new(SeedTemplate);
        TestServers.Require(TestServer.PostgreSql);
        _bin = TestServers.PostgresBin!;
        _folder = Directory.CreateTempSubdirectory("incidentdesk-pg-").FullName;
        Port = LoopbackPort.Free();
        var passwordFile = Path.Combine(_folder, "password");
        File.WriteAllText(passwordFile, _password);
        if (_asPostgresUser)
        {
            Run("chown", "-R", "postgres", _folder);
        }

        RunPostgres("initdb", "-D", DataFolder, "-U", User, $"--pwfile={passwordFile}", "--auth=scram-sha-256",
            "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync");
        File.Delete(passwordFile);
        // Durability traded for speed: this cluster lives for one test run.
        RunPostgres("pg_ctl", "-D", DataFolder, "-l", Path.Combine(_folder, "server.log"), "-w", "-o",
            $"-p {Port} -c listen_addresses=127.0.0.1 -k {_folder} -c fsync=off -c synchronous_commit=off "
            + "-c full_page_writes=off -c max_connections=500", "start");
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Stop(); // a run that ends early still cleans up
        MigrateTemplate();
    }

    /// <summary>The cluster of this test process, started on first use.</summary>
    public static ThrowawayPostgres Shared => SharedCluster.Value;

    /// <summary>
    /// Stops the cluster, if this process started one, and deletes its folder. Called by the assembly fixtures once the
    /// last test has run: after the runner returns, xUnit gives the process ~11 s to exit before failing the run, and a
    /// cluster with a hundred databases can take longer than that to delete on a busy machine.
    /// </summary>
    public static void StopShared()
    {
        if (SharedCluster.IsValueCreated)
        {
            SharedCluster.Value.Stop();
        }
    }

    public int Port { get; }

    private string DataFolder => Path.Combine(_folder, "data");

    /// <summary>A new database for one app host: the current schema, with no data or (seeded) with the demo data.</summary>
    public string CreateDatabase(bool seeded = false)
    {
        var template = seeded ? _seededTemplate.Value : Template;
        var name = $"desk_{Guid.NewGuid():N}";
        using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        connection.Open();
        using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\" TEMPLATE {template}", connection);
        command.ExecuteNonQuery();
        return ConnectionString(name);
    }

    /// <summary>Drops a database <see cref="CreateDatabase"/> made, once its host is gone: the cluster stays small.</summary>
    public async Task DropDatabaseAsync(string connectionString)
    {
        var database = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        await using (var pooled = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(pooled);
        }

        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Refuses (or again allows) every new connection to one database: "the database is down" for that host only.</summary>
    public async Task SetReachableAsync(string connectionString, bool reachable)
    {
        var database = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            $"ALTER DATABASE \"{database}\" ALLOW_CONNECTIONS {(reachable ? "true" : "false")}", connection);
        await command.ExecuteNonQueryAsync();
        if (!reachable)
        {
            await using var terminate = new NpgsqlCommand(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = @name", connection);
            terminate.Parameters.AddWithValue("name", database);
            await terminate.ExecuteNonQueryAsync();
            NpgsqlConnection.ClearAllPools();
        }
    }

    /// <summary>
    /// Restarts the server as a maintenance restart would (fast shutdown: open sessions are ended) and returns once it
    /// accepts connections again.
    /// </summary>
    public Task RestartAsync() => Task.Run(() => RunPostgres("pg_ctl", "-D", DataFolder, "-m", "fast", "-w", "restart"));

    public string ConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = User,
        Password = _password,
        Database = database,
        // Many hosts live side by side in one test run: keep each one's pool small and let idle connections go.
        MaxPoolSize = 20,
        ConnectionIdleLifetime = 10,
    }.ToString();

    private void MigrateTemplate()
    {
        using (var connection = new NpgsqlConnection(ConnectionString("postgres")))
        {
            connection.Open();
            using var command = new NpgsqlCommand($"CREATE DATABASE {Template}", connection);
            command.ExecuteNonQuery();
        }

        var options = new DbContextOptionsBuilder<IncidentDeskDbContext>();
        options.UseDesk(DatabaseProvider.PostgreSQL, ConnectionString(Template), Path.GetTempPath()).UseAppModelOutsideTheApp();
        using (var db = new IncidentDeskDbContext(options.Options) { Scope = CoopScope.FederationWide })
        {
            DeskDatabase.MigrateAsync(db).GetAwaiter().GetResult();
        }

        // A template may not have open connections while databases are copied from it.
        NpgsqlConnection.ClearAllPools();
    }

    /// <summary>The schema template copied and seeded once (340 co-ops, the playbook, the reference incident).</summary>
    private string SeedTemplate()
    {
        using (var connection = new NpgsqlConnection(ConnectionString("postgres")))
        {
            connection.Open();
            using var command = new NpgsqlCommand($"CREATE DATABASE {SeededTemplate} TEMPLATE {Template}", connection);
            command.ExecuteNonQuery();
        }

        IncidentDeskHost.SeedOutsideTheApp(DatabaseProvider.PostgreSQL, ConnectionString(SeededTemplate));
        NpgsqlConnection.ClearAllPools();
        return SeededTemplate;
    }

    private void Stop()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1)
        {
            return;
        }

        try
        {
            RunPostgres("pg_ctl", "-D", DataFolder, "-m", "immediate", "-w", "stop");
            Directory.Delete(_folder, recursive: true);
        }
        catch (Exception e) when (e is InvalidOperationException or IOException)
        {
            // The process is ending; a leftover temp folder must not turn a green run red.
        }
    }

    private void RunPostgres(string tool, params string[] arguments)
    {
        var path = Path.Combine(_bin, tool);
        if (_asPostgresUser)
        {
            Run("runuser", ["-u", "postgres", "--", path, .. arguments]);
        }
        else
        {
            Run(path, arguments);
        }
    }

    private static void Run(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetTempPath() };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} failed ({process.ExitCode}): {error.Result}{output.Result}");
        }
    }
}
