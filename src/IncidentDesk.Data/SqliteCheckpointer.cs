using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace IncidentDesk.Data;

/// <summary>
/// Copies SQLite's write-ahead log into the database file every second, beside the writes rather than inside one of them
/// (see <see cref="SqliteConnectionPragmas"/>). A passive checkpoint: it never waits for a reader or a writer, copies
/// what no open read still needs, and syncs the database file; SQLite reuses the log from its start once all of it is
/// copied. Does nothing on PostgreSQL. It opens the file read-write but never creates it: a database file that went missing
/// stays missing, for the readiness check to report, rather than being replaced by an empty one.
/// <para>Each tick costs one open of the file and, when nothing was written, a read of the log's index.</para>
/// </summary>
public sealed partial class SqliteCheckpointer(
    DbContextOptions<IncidentDeskDbContext> options, TimeProvider time, ILogger<SqliteCheckpointer> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    private bool _failing;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (ConnectionString() is not { } connectionString)
        {
            return;
        }

        using var timer = new PeriodicTimer(Interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await CheckpointAsync(connectionString, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: the last connection to close checkpoints what is left.
        }
    }

    /// <summary>One passive checkpoint: what no open read still needs is copied; the rest waits for the next tick.</summary>
    private async Task CheckpointAsync(string connectionString, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
            await command.ExecuteNonQueryAsync(cancellationToken);
            if (_failing)
            {
                _failing = false;
                LogRecovered(logger);
            }
        }
        catch (SqliteException exception)
        {
            // Once per spell, not once a second: a full disk or a lost file is also reported by the readiness check.
            if (!_failing)
            {
                _failing = true;
                LogFailing(logger, exception);
            }
        }
    }

    /// <summary>The desk's SQLite file, opened without creating it; null on PostgreSQL or an in-memory database.</summary>
    private string? ConnectionString()
    {
        using var db = new IncidentDeskDbContext(options);
        if (!db.Database.IsSqlite())
        {
            return null;
        }

        var builder = new SqliteConnectionStringBuilder(db.Database.GetConnectionString());
        if (builder.Mode == SqliteOpenMode.Memory || builder.DataSource == ":memory:")
        {
            return null;
        }

        builder.Mode = SqliteOpenMode.ReadWrite;
        // Not kept in a pool between ticks: no handle of this service outlives its checkpoint (a file restored in place is
        // never written through a handle that still points at the one it replaced).
        builder.Pooling = false;
        return builder.ToString();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "SQLite's write-ahead log cannot be copied into the database file; writers will copy it themselves")]
    private static partial void LogFailing(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "SQLite's write-ahead log is copied in the background again")]
    private static partial void LogRecovered(ILogger logger);
}
