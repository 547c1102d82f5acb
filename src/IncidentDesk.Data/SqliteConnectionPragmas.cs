using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace IncidentDesk.Data;

/// <summary>
/// What every SQLite handle is told once, when it is first opened. The settings belong to the handle, which the connection
/// pool keeps between opens: they are set once per handle, not on every open (EF Core opens and closes the connection
/// around each query).
/// <list type="bullet">
/// <item><c>busy_timeout</c>: SQLite itself waits for the write lock, in steps of 1–100 ms, when another connection is
/// writing. Without it Microsoft.Data.Sqlite answers a busy database by sleeping 150 ms before each retry, so a write that
/// met another one by a millisecond took 150 ms longer. Past the timeout, Microsoft.Data.Sqlite's own retries still run
/// until the command timeout.</item>
/// <item><c>wal_autocheckpoint</c>: the write-ahead log is copied into the database file by <see cref="SqliteCheckpointer"/>,
/// in the background, every second. Left to SQLite, the write whose commit crosses 1,000 pages (4 MB) copies the log and
/// syncs the database file inside its own commit — tens of milliseconds under load, during which every other write
/// queues. A writer still does it past <see cref="WriterCheckpointPages"/>, should the background copy fall behind.</item>
/// </list>
/// </summary>
internal sealed class SqliteConnectionPragmas : DbConnectionInterceptor
{
    public static readonly SqliteConnectionPragmas Instance = new();

    /// <summary>64 MB of log at SQLite's 4 KB pages: far more than a second of writes at the desk's peak.</summary>
    public const int WriterCheckpointPages = 16_384;

    public const int BusyTimeoutMilliseconds = 5_000;

    private static readonly string Pragmas =
        $"PRAGMA busy_timeout = {BusyTimeoutMilliseconds}; PRAGMA wal_autocheckpoint = {WriterCheckpointPages};";

    private static readonly ConditionalWeakTable<object, object> Configured = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (IsNew(connection, out var handle))
        {
            using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            command.ExecuteNonQuery();
            Configured.AddOrUpdate(handle, handle);
        }
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (IsNew(connection, out var handle))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken);
            Configured.AddOrUpdate(handle, handle);
        }
    }

    /// <summary>Whether this open got a SQLite handle not configured yet (a connection opened outside a pool always does).</summary>
    private static bool IsNew(DbConnection connection, out object handle)
    {
        handle = (connection as SqliteConnection)?.Handle ?? (object)connection;
        return !Configured.TryGetValue(handle, out _);
    }
}
