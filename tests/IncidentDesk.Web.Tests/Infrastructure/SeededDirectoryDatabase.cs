using IncidentDesk.Data;
using IncidentDesk.Data.Seeding;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace IncidentDesk.Web.Tests.Infrastructure;

/// <summary>
/// A real SQLite database in memory, created by the app's migrations and filled by the app's seeder with the
/// demo directory (340 co-ops in 27 UFs). A named shared-cache memory database lets every DbContext open its
/// own connection (as the app's factory does) while the fixture's open connection keeps the data alive.
/// Shared by the tests of one class: they only read.
/// </summary>
public sealed class SeededDirectoryDatabase : IAsyncLifetime
{
    private readonly SqliteConnection _keepAlive;

    public SeededDirectoryDatabase()
    {
        ConnectionString = new SqliteConnectionStringBuilder
        {
            DataSource = $"incidentdesk-web-tests-{Guid.NewGuid():N}",
            Mode = SqliteOpenMode.Memory,
            Cache = SqliteCacheMode.Shared,
            ForeignKeys = true,
        }.ToString();
        _keepAlive = new SqliteConnection(ConnectionString);
    }

    public string ConnectionString { get; }

    public void Configure(DbContextOptionsBuilder options) => options.UseSqlite(ConnectionString);

    public IncidentDeskDbContext CreateContext()
    {
        var options = new DbContextOptionsBuilder<IncidentDeskDbContext>();
        Configure(options);
        return new IncidentDeskDbContext(options.Options) { Scope = CoopScope.FederationWide };
    }

    public async ValueTask InitializeAsync()
    {
        await _keepAlive.OpenAsync();
        await using var db = CreateContext();
        await db.Database.MigrateAsync();
        await new DatabaseSeeder(db, TimeProvider.System).SeedAsync(includeDemoIncident: false);
    }

    public ValueTask DisposeAsync() => _keepAlive.DisposeAsync();
}
