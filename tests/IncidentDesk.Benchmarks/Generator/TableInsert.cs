using System.Data.Common;
using System.Globalization;

namespace IncidentDesk.Benchmarks.Generator;

/// <summary>
/// One prepared INSERT re-bound per row, on any ADO.NET provider: the statement is parsed once and every row only binds
/// values, which is the fastest way to load SQLite (and a plain, portable one for PostgreSQL later). Ids are given by the
/// generator, so no row's id is read back.
/// </summary>
internal sealed class TableInsert : IDisposable
{
    private readonly DbCommand command;
    private readonly DbParameter[] parameters;

    private TableInsert(DbCommand command, DbParameter[] parameters)
    {
        this.command = command;
        this.parameters = parameters;
    }

    public string Table { get; private init; } = "";
    public int Rows { get; private set; }

    public static TableInsert Prepare(DbConnection connection, string table, params string[] columns)
    {
        var command = connection.CreateCommand();
        var names = columns.Select((_, i) => string.Create(CultureInfo.InvariantCulture, $"@p{i}")).ToArray();
        // Table and column names are the generator's own constants, never input.
#pragma warning disable CA2100
        command.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", names)})";
#pragma warning restore CA2100
        var parameters = names.Select(name =>
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            command.Parameters.Add(parameter);
            return parameter;
        }).ToArray();
        return new TableInsert(command, parameters) { Table = table };
    }

    /// <summary>Binds the statement to the current transaction and prepares it there (SQLite prepares per transaction use).</summary>
    public void Use(DbTransaction transaction)
    {
        command.Transaction = transaction;
        command.Prepare();
    }

    public void Row(params ReadOnlySpan<object?> values)
    {
        for (var i = 0; i < parameters.Length; i++)
        {
            parameters[i].Value = values[i] switch
            {
                null => DBNull.Value,
                Enum e => Convert.ToInt32(e, CultureInfo.InvariantCulture),
                var v => v,
            };
        }

        command.ExecuteNonQuery();
        Rows++;
    }

    public void Dispose() => command.Dispose();
}
