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
/// <item><c>synchronous</c>: when a commit waits for the disk (<see cref="SqliteSync"/>).</item>
/// </list>
/// </summary>
internal sealed class SqliteConnectionPragmas : DbConnectionInterceptor
{
    private static readonly SqliteConnectionPragmas Full = new(SqliteSync.Full);
    private static readonly SqliteConnectionPragmas Normal = new(SqliteSync.Normal);

    private readonly string _pragmas;

    private readonly ConditionalWeakTable<object, object> _configured = [];

    private SqliteConnectionPragmas(SqliteSync sync) => _pragmas =
        $"PRAGMA busy_timeout = {BusyTimeoutMilliseconds}; PRAGMA wal_autocheckpoint = {WriterCheckpointPages}; " +
        $"PRAGMA synchronous = {(sync == SqliteSync.Normal ? "NORMAL" : "FULL")};";

    public static SqliteConnectionPragmas For(SqliteSync sync) => sync == SqliteSync.Normal ? Normal : Full;

    /// <summary>64 MB of log at SQLite's 4 KB pages: far more than a second of writes at the desk's peak.</summary>
    public const int WriterCheckpointPages = 16_384;

    public const int BusyTimeoutMilliseconds = 5_000;

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (IsNew(connection, out var handle))
        {
            using var command = connection.CreateCommand();
            command.CommandText = _pragmas;
            command.ExecuteNonQuery();
            _configured.AddOrUpdate(handle, handle);
        }
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (IsNew(connection, out var handle))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = _pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken);
            _configured.AddOrUpdate(handle, handle);
        }
    }

    /// <summary>Whether this open got a SQLite handle not configured yet (a connection opened outside a pool always does).</summary>
    private bool IsNew(DbConnection connection, out object handle)
    {
        handle = (connection as SqliteConnection)?.Handle ?? (object)connection;
        return !_configured.TryGetValue(handle, out _);
    }
}

/// <summary>When a SQLite commit waits for the disk (<c>IncidentDesk:Database:SqliteSync</c>).</summary>
public enum SqliteSync
{
    /// <summary>
    /// Every commit syncs the write-ahead log before it is acknowledged: an acknowledged write survives the process
    /// killed and the machine losing power. The default.
    /// </summary>
    Full,

    /// <summary>
    /// A commit is acknowledged once written to the log, which is synced when the background checkpoint copies it (every
    /// second): an acknowledged write survives the process killed, and the machine losing power once that copy has run.
    /// The database stays whole either way; commits no longer wait for the disk, so one disk carries more of them.
    /// </summary>
    Normal,
}
