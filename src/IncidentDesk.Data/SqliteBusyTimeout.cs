using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace IncidentDesk.Data;

/// <summary>
/// Lets SQLite itself wait for the write lock (<c>PRAGMA busy_timeout</c>), in steps of 1–100 ms, when another connection
/// is writing. Without it Microsoft.Data.Sqlite answers a busy database by sleeping 150 ms before each retry, so a write that
/// met another one by a millisecond (an API token's "last used" beside an audited task update) took 150 ms longer: the
/// tail of the load run. Past the timeout, Microsoft.Data.Sqlite's own retries still run until the command timeout.
/// The setting belongs to the SQLite handle, which the connection pool keeps between opens: it is set once per handle,
/// not on every open (EF Core opens and closes the connection around each query).
/// </summary>
internal sealed class SqliteBusyTimeout : DbConnectionInterceptor
{
    public static readonly SqliteBusyTimeout Instance = new();

    private const string Pragma = "PRAGMA busy_timeout = 5000;";

    private static readonly ConditionalWeakTable<object, object> Configured = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (IsNew(connection, out var handle))
        {
            using var command = connection.CreateCommand();
            command.CommandText = Pragma;
            command.ExecuteNonQuery();
            Configured.AddOrUpdate(handle, handle);
        }
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (IsNew(connection, out var handle))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = Pragma;
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
