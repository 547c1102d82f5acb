using IncidentDesk.Core.Incidents;
using IncidentDesk.Testing;
using IncidentDesk.Data;
using IncidentDesk.Data.Audit;
using IncidentDesk.Data.Seeding;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentDesk.IntegrationTests;

public sealed class DatabaseTests(AppFixture app)
{
    private IncidentDeskDbContext CreateDb() =>
        app.Host.Services.GetRequiredService<FederationWideDb>().CreateDbContext();

    [Fact]
    public async Task Start_creates_the_database_file_and_applies_every_migration()
    {
        await using var db = CreateDb();

        Assert.True(File.Exists(app.Host.DatabasePath));
        Assert.Empty(await db.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Database_runs_in_wal_mode_with_foreign_keys_enforced()
    {
        await using var db = CreateDb();
        var ct = TestContext.Current.CancellationToken;

        var journal = await db.Database.SqlQueryRaw<string>("PRAGMA journal_mode").ToListAsync(ct);
        var foreignKeys = await db.Database.SqlQueryRaw<long>("PRAGMA foreign_keys").ToListAsync(ct);

        Assert.Equal("wal", Assert.Single(journal));
        Assert.Equal(1, Assert.Single(foreignKeys));
    }

    [Fact]
    public async Task Every_connection_lets_sqlite_wait_for_the_write_lock_and_leaves_the_log_to_the_background_also_when_the_pool_hands_it_out_again()
    {
        var ct = TestContext.Current.CancellationToken;
        for (var open = 0; open < 3; open++)
        {
            // A new context each time: its connection comes from the pool after the first.
            await using var db = CreateDb();
            Assert.Equal(5000, Assert.Single(await db.Database.SqlQueryRaw<long>("PRAGMA busy_timeout").ToListAsync(ct)));
            // A writer copies the log into the file itself only past 64 MB, not at SQLite's 4 MB.
            Assert.Equal(16_384, Assert.Single(await db.Database.SqlQueryRaw<long>("PRAGMA wal_autocheckpoint").ToListAsync(ct)));
            // By default every commit waits for the disk (FULL = 2).
            Assert.Equal(2, Assert.Single(await db.Database.SqlQueryRaw<long>("PRAGMA synchronous").ToListAsync(ct)));
        }
    }

    [Fact]
    public async Task An_operator_who_chooses_normal_sync_gets_it_on_every_connection_and_a_misspelt_choice_is_named()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = new IncidentDeskHost(seedDemo: false, settings: new Dictionary<string, string?>
        {
            [DeskDatabase.SqliteSyncKey] = "normal",
        });
        host.Start();
        for (var open = 0; open < 2; open++)
        {
            await using var db = host.Services.GetRequiredService<FederationWideDb>().CreateDbContext();
            Assert.Equal(1, Assert.Single(await db.Database.SqlQueryRaw<long>("PRAGMA synchronous").ToListAsync(ct)));
        }

        var misspelt = Assert.Throws<InvalidOperationException>(() => DeskDatabase.ParseSqliteSync("fast"));
        Assert.Contains("IncidentDesk:Database:SqliteSync is 'fast'", misspelt.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_committed_write_reaches_the_database_file_itself_within_seconds_not_only_the_log()
    {
        var ct = TestContext.Current.CancellationToken;
        var action = $"Test.Checkpointed.{Guid.NewGuid():N}";
        await using (var db = CreateDb())
        {
            await app.Host.Services.GetRequiredService<AuditTrail>()
                .SaveChangesAsync(db, new AuditActor(null, "system:test"), new AuditRecord(action), ct);
        }

        // The database file alone, without its write-ahead log: what a copy of the file (or a crash of the disk's cache
        // after the file was synced) would keep.
        var copy = Path.Combine(Path.GetTempPath(), $"incidentdesk-file-only-{Guid.NewGuid():N}.db");
        var waited = System.Diagnostics.Stopwatch.StartNew();
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        var found = false;
        try
        {
            while (!found && waited.Elapsed < TimeSpan.FromSeconds(20) && await timer.WaitForNextTickAsync(ct))
            {
                File.Copy(app.Host.DatabasePath, copy, overwrite: true);
                found = await FileHoldsAsync(copy, action, ct);
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var file in new[] { copy, copy + "-wal", copy + "-shm" })
            {
                File.Delete(file);
            }
        }

        Assert.True(found, $"the write was still only in the log after {waited.Elapsed.TotalSeconds:0} s");
    }

    private static async Task<bool> FileHoldsAsync(string file, string action, CancellationToken ct)
    {
        try
        {
            await using var connection = new SqliteConnection($"Data Source={file};Pooling=false");
            await connection.OpenAsync(ct);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM AuditEntries WHERE Action = $action";
            command.Parameters.AddWithValue("$action", action);
            return Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture) == 1;
        }
        catch (SqliteException)
        {
            return false; // copied in the middle of a checkpoint's write: the next copy tells
        }
    }

    [Fact]
    public async Task Seed_loads_the_340_coop_directory_in_all_27_ufs()
    {
        await using var db = CreateDb();
        var ct = TestContext.Current.CancellationToken;

        Assert.Equal(340, await db.Coops.CountAsync(ct));
        Assert.Equal(27, await db.Federations.CountAsync(ct));
        Assert.Equal(27, await db.Coops.Select(c => c.Uf).Distinct().CountAsync(ct));
    }

    [Fact]
    public async Task Seed_loads_the_reference_incident_with_sourced_figures_three_controllers_and_its_timeline()
    {
        await using var db = CreateDb();
        var incident = await db.Incidents
            .Include(i => i.KeyFigures).Include(i => i.Involvements).ThenInclude(v => v.Coop).Include(i => i.Timeline)
            .SingleAsync(i => i.Reference == ReferenceIncidentSeed.Reference, TestContext.Current.CancellationToken);

        var intercepted = Assert.Single(incident.KeyFigures, f => f.Value == 140_000m);
        Assert.Equal(FigureStatus.Claimed, intercepted.Status);
        Assert.Contains("pesquisadores", intercepted.Source, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(FigureStatus.Estimated, Assert.Single(incident.KeyFigures, f => f.Value == 14_000_000m).Status);
        Assert.Contains(incident.KeyFigures, f => f.Status == FigureStatus.Disputed);

        Assert.Equal(3, incident.Involvements.Count);
        Assert.All(incident.Involvements, v => Assert.Equal(InvolvementRole.ControllerAffected, v.Role));
        Assert.Equal(ReferenceIncidentSeed.AffectedCoopCodes.Order(), incident.Involvements.Select(v => v.Coop!.Code).Order());

        Assert.True(incident.Timeline.Count >= 6);
        Assert.True(incident.DataCategories.HasFlag(DataCategories.Health));
    }

    [Fact]
    public async Task Seeding_again_changes_nothing()
    {
        await using var db = CreateDb();
        var ct = TestContext.Current.CancellationToken;

        await new DatabaseSeeder(db, TimeProvider.System).SeedAsync(includeDemoIncident: true, ct);

        Assert.Equal(340, await db.Coops.CountAsync(ct));
        Assert.Equal(1, await db.Incidents.CountAsync(ct));
    }

    [Fact]
    public async Task Without_demo_only_the_directory_is_seeded()
    {
        var folder = Directory.CreateTempSubdirectory("incidentdesk-seed-");
        try
        {
            var ct = TestContext.Current.CancellationToken;
            var options = new DbContextOptionsBuilder<IncidentDeskDbContext>()
                .UseSqlite(SqliteDatabase.ResolveConnectionString("Data Source=data/seed.db", folder.FullName)).Options;
            await using var db = new IncidentDeskDbContext(options) { Scope = CoopScope.FederationWide };
            await DeskDatabase.MigrateAsync(db, ct);

            await new DatabaseSeeder(db, TimeProvider.System).SeedAsync(includeDemoIncident: false, ct);

            Assert.True(File.Exists(Path.Combine(folder.FullName, "data", "seed.db")), "relative path anchored to the content root");
            Assert.Equal(340, await db.Coops.CountAsync(ct));
            Assert.Equal(0, await db.Incidents.CountAsync(ct));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Seed_loads_the_exposed_message_broker_playbook_with_the_eight_tasks_of_the_reference_case()
    {
        await using var db = CreateDb();
        var playbook = await db.Playbooks.Include(p => p.Steps)
            .SingleAsync(p => p.Name == PlaybookSeed.ExposedBrokerName, TestContext.Current.CancellationToken);

        Assert.Equal(8, playbook.Steps.Count);
        Assert.Equal(Enumerable.Range(1, 8), playbook.Steps.OrderBy(s => s.Order).Select(s => s.Order));
        var first = playbook.Steps.Single(s => s.Order == 1);
        Assert.Equal(Core.Campaigns.TaskAnswerType.YesNo, first.AnswerType);
        Assert.True(first.EvidenceRequired);
        Assert.All(playbook.Steps, s => Assert.InRange(s.DueInBusinessDays, 1, 5));
    }
}
