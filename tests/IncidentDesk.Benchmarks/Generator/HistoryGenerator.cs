using System.Data.Common;
using System.Diagnostics;
using IncidentDesk.Core.Incidents;
using IncidentDesk.Data;
using IncidentDesk.Data.Seeding;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace IncidentDesk.Benchmarks.Generator;

/// <summary>
/// A realistic federation history on top of the seeded 340-co-op directory and the reference incident, written fast with
/// prepared raw inserts. The schema and seed come from the app's own code (its migrations and seeder), so the file is
/// exactly what the app would have; no audit entries are written, so the hash-chained audit trail still verifies.
/// </summary>
internal static class HistoryGenerator
{
    /// <summary>Incidents per transaction: large enough to amortise the commit, small enough to keep the journal modest.</summary>
    private const int IncidentsPerTransaction = 100;

    public static async Task<HistoryReport> GenerateAsync(string databasePath, HistoryOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var path = Path.GetFullPath(databasePath);
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            File.Delete(file);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var connectionString = new SqliteConnectionStringBuilder { DataSource = path, ForeignKeys = true, Pooling = false }.ToString();
        var clock = Stopwatch.StartNew();
        await CreateSchemaAsync(connectionString, cancellationToken);
        var schemaTime = clock.Elapsed;

        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        clock.Restart();
        await PragmaAsync(connection, cancellationToken,
            // Bulk load only: no crash safety needed while generating a throwaway file; the app's settings return below.
            "PRAGMA journal_mode=MEMORY", "PRAGMA synchronous=OFF", "PRAGMA cache_size=-131072", "PRAGMA temp_store=MEMORY");
        var coops = await ReadDirectoryAsync(connection, cancellationToken);
        using var writer = await HistoryWriter.CreateAsync(connection, cancellationToken);
        var written = await WriteHistoryAsync(connection, writer, coops, options, cancellationToken);
        await PragmaAsync(connection, cancellationToken, "PRAGMA synchronous=FULL", "PRAGMA journal_mode=WAL");
        var writeTime = clock.Elapsed;

        return new HistoryReport(path, writer.Incidents.Rows, writer.Involvements.Rows, writer.KeyFigures.Rows, written.Campaigns,
            writer.CampaignTasks.Rows, writer.CoopTasks.Rows, writer.Timeline.Rows, schemaTime, writeTime);
    }

    private static async Task CreateSchemaAsync(string connectionString, CancellationToken cancellationToken)
    {
        var dbOptions = new DbContextOptionsBuilder<IncidentDeskDbContext>().UseSqlite(connectionString).Options;
        await using var db = new IncidentDeskDbContext(dbOptions) { Scope = CoopScope.FederationWide };
        await DeskDatabase.MigrateAsync(db, cancellationToken);
        await new DatabaseSeeder(db, TimeProvider.System).SeedAsync(includeDemoIncident: true, cancellationToken);
    }

    private static async Task<(int Campaigns, int Events)> WriteHistoryAsync(
        DbConnection connection, HistoryWriter writer, IReadOnlyList<DirectoryCoop> coops, HistoryOptions options, CancellationToken cancellationToken)
    {
        var random = new Random(options.Seed);
        // The start of the last day (UTC): never in the future, and the same all day long for the same seed.
        var until = (options.Until ?? DateOnly.FromDateTime(DateTime.UtcNow)).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var campaigns = new CampaignStory(writer, random, coops, until);
        var story = new IncidentStory(writer, random, coops, campaigns, until);
        var sequences = await ReferenceSequencesAsync(connection, cancellationToken);
        var start = new DateTime(until.Year - options.Years + 1, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var step = (until - start) / Math.Max(options.IncidentCount, 1);

        // Events the incidents still owe the target: an incident with a large campaign (thousands of task updates) is
        // paid for by shorter timelines elsewhere, so the total stays near incidents × target.
        long owed = 0;
        var events = 0;
        DbTransaction? transaction = null;
        try
        {
            for (var n = 0; n < options.IncidentCount; n++)
            {
                if (n % IncidentsPerTransaction == 0)
                {
                    if (transaction is not null)
                    {
                        await transaction.CommitAsync(cancellationToken);
                        await transaction.DisposeAsync();
                    }

                    transaction = await connection.BeginTransactionAsync(cancellationToken);
                    writer.Use(transaction);
                }

                // Chronological, so each year's references follow the order of reporting.
                var reported = start + (step * n) + TimeSpan.FromMinutes(random.Next(0, Math.Max(1, (int)step.TotalMinutes)));
                var year = reported.Year;
                var sequence = sequences[year] = sequences.GetValueOrDefault(year) + 1;
                var share = (long)(options.EventsPerIncident * (0.5 + random.NextDouble()));
                var target = (int)Math.Clamp(share + owed, 0, int.MaxValue);
                var forced = campaigns.Launched == 0 && n == options.IncidentCount / 2;
                var written = story.Write(IncidentReference.Format(year, sequence), reported, target, forced);
                owed += share - written;
                events += written;
            }

            if (transaction is not null)
            {
                await transaction.CommitAsync(cancellationToken);
            }
        }
        finally
        {
            if (transaction is not null)
            {
                await transaction.DisposeAsync();
            }
        }

        return (campaigns.Launched, events);
    }

    /// <summary>The highest sequence per year already taken (the reference incident's), so generated references never collide.</summary>
    private static async Task<Dictionary<int, int>> ReferenceSequencesAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var taken = new Dictionary<int, int>();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT \"Reference\" FROM \"Incidents\"";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            if (IncidentReference.TryParse(reader.GetString(0), out var reference))
            {
                taken[reference.Year] = Math.Max(taken.GetValueOrDefault(reference.Year), reference.Sequence);
            }
        }

        return taken;
    }

    private static async Task<List<DirectoryCoop>> ReadDirectoryAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var coops = new List<DirectoryCoop>();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT c."Id", c."Code", c."Uf", f."Code" FROM "Coops" c JOIN "Federations" f ON f."Id" = c."FederationId"
            WHERE c."IsActive" = 1 ORDER BY c."Id"
            """;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            coops.Add(new DirectoryCoop(reader.GetInt32(0), reader.GetString(1), reader.GetString(2), reader.GetString(3)));
        }

        return coops;
    }

    private static async Task PragmaAsync(DbConnection connection, CancellationToken cancellationToken, params string[] pragmas)
    {
        foreach (var pragma in pragmas)
        {
            await using var command = connection.CreateCommand();
#pragma warning disable CA2100 // constant pragmas
            command.CommandText = pragma;
#pragma warning restore CA2100
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
