using System.Globalization;
using Microsoft.Data.Sqlite;

namespace IncidentDesk.Benchmarks.Faults;

/// <summary>A task as stored, and how many audit entries and timeline events its updates left.</summary>
internal sealed record StoredTask(int Version, string? Note);

/// <summary>
/// Reads a desk's SQLite file directly, read-only, past the app: what is really on disk after a kill, a full disk or a
/// restore — not what the app would say about it.
/// </summary>
internal sealed class DeskFile(string databasePath)
{
    public async Task<long> CountAsync(string table, string? where = null)
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM \"{table}\"" + (where is null ? "" : $" WHERE {where}");
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public async Task<Dictionary<int, StoredTask>> TasksAsync(IEnumerable<int> ids)
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT Id, Version, Note FROM CoopTasks WHERE Id IN ({string.Join(',', ids)})";
        var tasks = new Dictionary<int, StoredTask>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            tasks[reader.GetInt32(0)] = new StoredTask(reader.GetInt32(1), reader.IsDBNull(2) ? null : reader.GetString(2));
        }

        return tasks;
    }

    /// <summary>The audit entries written about each of these tasks (their changes, in order).</summary>
    public async Task<Dictionary<int, List<string>>> TaskAuditAsync(IEnumerable<int> ids)
    {
        var wanted = ids.Select(id => id.ToString(CultureInfo.InvariantCulture)).ToHashSet();
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT EntityId, Changes FROM AuditEntries WHERE EntityType = 'CoopTask' ORDER BY Sequence";
        var entries = wanted.ToDictionary(id => int.Parse(id, CultureInfo.InvariantCulture), _ => new List<string>());
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            if (!reader.IsDBNull(0) && wanted.Contains(reader.GetString(0)))
            {
                entries[int.Parse(reader.GetString(0), CultureInfo.InvariantCulture)].Add(reader.IsDBNull(1) ? "" : reader.GetString(1));
            }
        }

        return entries;
    }

    /// <summary>SQLite's own check of every page, index and constraint: "ok" when the file is sound.</summary>
    public async Task<string> IntegrityCheckAsync()
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(0));
        }

        return string.Join("; ", lines);
    }

    private async Task<SqliteConnection> OpenAsync()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = databasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false,
        }.ToString());
        await connection.OpenAsync();
        return connection;
    }
}
