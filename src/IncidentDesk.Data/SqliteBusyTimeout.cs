using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace IncidentDesk.Data;

/// <summary>
/// Lets SQLite itself wait for the write lock (<c>PRAGMA busy_timeout</c>), in steps of 1–100 ms, when another connection
/// is writing. Without it Microsoft.Data.Sqlite answers a busy database by sleeping 150 ms before each retry, so a write that
/// met another one by a millisecond (an API token's "last used" beside an audited task update) took 150 ms longer: the
/// tail of the load run. Past the timeout, Microsoft.Data.Sqlite's own retries still run until the command timeout.
/// </summary>
internal sealed class SqliteBusyTimeout : DbConnectionInterceptor
{
    public static readonly SqliteBusyTimeout Instance = new();

    private const string Pragma = "PRAGMA busy_timeout = 5000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
