using System.Data.Common;
using IncidentDesk.Data;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace IncidentDesk.Testing;

/// <summary>
/// Statements run past the app, on a connection of their own — as someone with direct access to the database would.
/// Identifiers are quoted in the statements so the same text runs on SQLite and PostgreSQL.
/// </summary>
public static class RawSql
{
    public static async Task ExecuteAsync(IncidentDeskHost host, params string[] statements)
    {
        ArgumentNullException.ThrowIfNull(host);
        await using DbConnection connection = IncidentDeskHost.Provider == DatabaseProvider.PostgreSQL
            ? new NpgsqlConnection(host.ConnectionString)
            : new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = host.DatabasePath, Pooling = false }.ToString());
        await connection.OpenAsync();
        foreach (var sql in statements)
        {
            await using var command = connection.CreateCommand();
#pragma warning disable CA2100 // test-made statements
            command.CommandText = sql;
#pragma warning restore CA2100
            await command.ExecuteNonQueryAsync();
        }
    }

    /// <summary>What an attacker with the database's owner rights does first: take the append-only guard off.</summary>
    public static string DropAuditGuard(bool delete) => IncidentDeskHost.Provider == DatabaseProvider.PostgreSQL
        ? "ALTER TABLE \"AuditEntries\" DISABLE TRIGGER audit_entries_append_only;"
        : delete ? "DROP TRIGGER IF EXISTS AuditEntries_NoDelete;" : "DROP TRIGGER IF EXISTS AuditEntries_NoUpdate;";
}
