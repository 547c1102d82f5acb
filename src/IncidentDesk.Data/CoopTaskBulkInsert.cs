using System.Data;
using System.Data.Common;
using System.Globalization;
using IncidentDesk.Core.Campaigns;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace IncidentDesk.Data;

/// <summary>
/// Writes a campaign's co-op tasks (340 co-ops × up to 30 tasks) with one prepared INSERT (SQLite) or one binary COPY
/// (PostgreSQL) on the context's connection and current transaction. EF Core's change tracking costs ~60 µs per entity and reads every generated id back, which nobody
/// needs here: this keeps a 4,080-task launch close to a raw insert while staying inside the caller's transaction, so a
/// failure still leaves nothing behind. Table and column names come from the EF model, so they follow its mapping.
/// </summary>
public static class CoopTaskBulkInsert
{
    public static async Task InsertAsync(IncidentDeskDbContext db, IReadOnlyList<CoopTask> tasks, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(tasks);
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Co-op tasks are written inside the launch's transaction.");
        var entity = db.Model.FindEntityType(typeof(CoopTask))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        string[] properties =
        [
            nameof(CoopTask.CampaignTaskId), nameof(CoopTask.CampaignId), nameof(CoopTask.CoopId), nameof(CoopTask.Status),
            nameof(CoopTask.UpdatedAtUtc), nameof(CoopTask.UpdatedBy), nameof(CoopTask.Version),
        ];
        var columns = string.Join(", ", properties.Select(p => $"\"{entity.FindProperty(p)!.GetColumnName(table)}\""));
        if (transaction.Connection is NpgsqlConnection postgres)
        {
            await CopyAsync(postgres, $"COPY \"{table.Name}\" ({columns}) FROM STDIN (FORMAT BINARY)", tasks, cancellationToken);
            return;
        }

        var names = string.Join(", ", properties.Select((_, i) => string.Create(CultureInfo.InvariantCulture, $"@p{i}")));

        // One prepared statement re-bound per row: SQLite parses it once, and per-row execution in one transaction is
        // what SQLite does fastest (multi-row VALUES lists with hundreds of named parameters are slower to bind).
        await using var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO \"{table.Name}\" ({columns}) VALUES ({names})";
        // Typed up front: PostgreSQL prepares the statement before any value is bound (and a null says nothing of its type).
        DbType[] types = [DbType.Int32, DbType.Int32, DbType.Int32, DbType.Int32, DbType.DateTime, DbType.String, DbType.Int32];
        var parameters = types.Select((type, i) => Parameter(command, string.Create(CultureInfo.InvariantCulture, $"@p{i}"), type)).ToArray();
        await command.PrepareAsync(cancellationToken);
        foreach (var t in tasks)
        {
            parameters[0].Value = t.CampaignTaskId;
            parameters[1].Value = t.CampaignId;
            parameters[2].Value = t.CoopId;
            parameters[3].Value = (int)t.Status;
            parameters[4].Value = DateTime.SpecifyKind(t.UpdatedAtUtc, DateTimeKind.Utc);
            parameters[5].Value = (object?)t.UpdatedBy ?? DBNull.Value;
            parameters[6].Value = t.Version;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>
    /// PostgreSQL's fastest way in: one binary COPY stream, inside the launch's transaction (a failure still rolls back
    /// everything; row triggers still fire).
    /// </summary>
    private static async Task CopyAsync(NpgsqlConnection connection, string copy, IReadOnlyList<CoopTask> tasks, CancellationToken cancellationToken)
    {
        await using var writer = await connection.BeginBinaryImportAsync(copy, cancellationToken);
        foreach (var t in tasks)
        {
            await writer.StartRowAsync(cancellationToken);
            await writer.WriteAsync(t.CampaignTaskId, NpgsqlDbType.Integer, cancellationToken);
            await writer.WriteAsync(t.CampaignId, NpgsqlDbType.Integer, cancellationToken);
            await writer.WriteAsync(t.CoopId, NpgsqlDbType.Integer, cancellationToken);
            await writer.WriteAsync((int)t.Status, NpgsqlDbType.Integer, cancellationToken);
            await writer.WriteAsync(DateTime.SpecifyKind(t.UpdatedAtUtc, DateTimeKind.Utc), NpgsqlDbType.TimestampTz, cancellationToken);
            if (t.UpdatedBy is null)
            {
                await writer.WriteNullAsync(cancellationToken);
            }
            else
            {
                await writer.WriteAsync(t.UpdatedBy, NpgsqlDbType.Text, cancellationToken);
            }

            await writer.WriteAsync(t.Version, NpgsqlDbType.Integer, cancellationToken);
        }

        await writer.CompleteAsync(cancellationToken);
    }

    private static DbParameter Parameter(DbCommand command, string name, DbType type)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.DbType = type;
        command.Parameters.Add(parameter);
        return parameter;
    }
}
