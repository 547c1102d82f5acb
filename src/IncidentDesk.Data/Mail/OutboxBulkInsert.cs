using System.Data;
using System.Data.Common;
using System.Globalization;
using IncidentDesk.Core.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace IncidentDesk.Data.Mail;

/// <summary>
/// Writes outbox rows (a launch's 340 notices, a day's digests) with one prepared INSERT (SQLite) or one binary COPY
/// (PostgreSQL) on the context's connection and current transaction. EF Core's change tracking spent ~1 ms per mail row
/// here (each carries a few kilobytes of text and HTML); this keeps a launch that queues its notices close to a raw insert.
/// Only inside the audit trail's unit of work: the caller seals the rows with its own audit entry in the same transaction.
/// Column names come from the EF model, so they follow its mapping.
/// </summary>
public static class OutboxBulkInsert
{
    private static readonly (string Property, DbType Type, NpgsqlDbType PgType)[] Columns =
    [
        (nameof(OutboxMail.Kind), DbType.Int32, NpgsqlDbType.Integer),
        (nameof(OutboxMail.State), DbType.Int32, NpgsqlDbType.Integer),
        (nameof(OutboxMail.DedupKey), DbType.String, NpgsqlDbType.Varchar),
        (nameof(OutboxMail.MessageId), DbType.String, NpgsqlDbType.Varchar),
        (nameof(OutboxMail.ToAddress), DbType.String, NpgsqlDbType.Varchar),
        (nameof(OutboxMail.ToName), DbType.String, NpgsqlDbType.Varchar),
        (nameof(OutboxMail.RecipientUserId), DbType.String, NpgsqlDbType.Varchar),
        (nameof(OutboxMail.CoopId), DbType.Int32, NpgsqlDbType.Integer),
        (nameof(OutboxMail.Subject), DbType.String, NpgsqlDbType.Varchar),
        (nameof(OutboxMail.TextBody), DbType.String, NpgsqlDbType.Text),
        (nameof(OutboxMail.HtmlBody), DbType.String, NpgsqlDbType.Text),
        (nameof(OutboxMail.UnsubscribeUrl), DbType.String, NpgsqlDbType.Varchar),
        (nameof(OutboxMail.Fingerprint), DbType.String, NpgsqlDbType.Varchar),
        (nameof(OutboxMail.Culture), DbType.String, NpgsqlDbType.Varchar),
        (nameof(OutboxMail.Attempts), DbType.Int32, NpgsqlDbType.Integer),
        (nameof(OutboxMail.CreatedAtUtc), DbType.DateTime, NpgsqlDbType.TimestampTz),
        (nameof(OutboxMail.NextAttemptAtUtc), DbType.DateTime, NpgsqlDbType.TimestampTz),
        (nameof(OutboxMail.Version), DbType.Int32, NpgsqlDbType.Integer),
    ];

    public static async Task InsertAsync(IncidentDeskDbContext db, IReadOnlyList<OutboxMail> rows, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(rows);
        if (!db.MayWrite)
        {
            throw new UnauditedWriteException(IncidentDeskDbContext.UnauditedMessage);
        }

        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Outbox rows are written inside the transaction of what causes them.");
        if (rows.Count == 0)
        {
            return;
        }

        var entity = db.Model.FindEntityType(typeof(OutboxMail))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var columns = string.Join(", ", Columns.Select(c => $"\"{entity.FindProperty(c.Property)!.GetColumnName(table)}\""));
        if (transaction.Connection is NpgsqlConnection postgres)
        {
            await CopyAsync(postgres, $"COPY \"{table.Name}\" ({columns}) FROM STDIN (FORMAT BINARY)", rows, cancellationToken);
            return;
        }

        await using var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO \"{table.Name}\" ({columns}) VALUES ({string.Join(", ", Columns.Select((_, i) => Name(i)))})";
        var parameters = Columns.Select((c, i) =>
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = Name(i);
            parameter.DbType = c.Type;
            command.Parameters.Add(parameter);
            return parameter;
        }).ToArray();
        await command.PrepareAsync(cancellationToken);
        foreach (var row in rows)
        {
            var values = Values(row);
            for (var i = 0; i < values.Length; i++)
            {
                parameters[i].Value = values[i] ?? DBNull.Value;
            }

            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static async Task CopyAsync(NpgsqlConnection connection, string copy, IReadOnlyList<OutboxMail> rows, CancellationToken cancellationToken)
    {
        await using var writer = await connection.BeginBinaryImportAsync(copy, cancellationToken);
        foreach (var row in rows)
        {
            await writer.StartRowAsync(cancellationToken);
            var values = Values(row);
            for (var i = 0; i < values.Length; i++)
            {
                if (values[i] is null)
                {
                    await writer.WriteNullAsync(cancellationToken);
                }
                else
                {
                    await writer.WriteAsync(values[i], Columns[i].PgType, cancellationToken);
                }
            }
        }

        await writer.CompleteAsync(cancellationToken);
    }

    private static object?[] Values(OutboxMail m) =>
    [
        (int)m.Kind, (int)m.State, m.DedupKey, m.MessageId, m.ToAddress, m.ToName, m.RecipientUserId, m.CoopId, m.Subject, m.TextBody,
        m.HtmlBody, m.UnsubscribeUrl, m.Fingerprint, m.Culture, m.Attempts, DateTime.SpecifyKind(m.CreatedAtUtc, DateTimeKind.Utc),
        DateTime.SpecifyKind(m.NextAttemptAtUtc, DateTimeKind.Utc), m.Version,
    ];

    private static string Name(int i) => string.Create(CultureInfo.InvariantCulture, $"@p{i}");
}
