using IncidentDesk.Core.Audit;
using IncidentDesk.Data;
using IncidentDesk.Web.Features.Audit;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace IncidentDesk.Web.Operators;

/// <summary>The live SQLite database and copies of it, for <c>backup</c> and <c>restore</c>.</summary>
internal static class DatabaseFiles
{
    /// <summary>The live database's connection, refused when the desk does not run on SQLite (PostgreSQL: pg_dump).</summary>
    public static SqliteConnection Live(IServiceProvider services)
    {
        using var db = services.GetRequiredService<FederationWideDb>().CreateDbContext();
        return db.Database.GetDbConnection() is SqliteConnection sqlite
            ? new SqliteConnection(sqlite.ConnectionString)
            : throw new UsageException("backup and restore copy SQLite files; for PostgreSQL use pg_dump and pg_restore.");
    }

    public static SqliteConnection File(string path, bool readOnly) => new(new SqliteConnectionStringBuilder
    {
        DataSource = path,
        Mode = readOnly ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWriteCreate,
        Pooling = false,
    }.ToString());

    /// <summary>The audit chain of a database file, walked exactly as <c>audit verify</c> walks the live one.</summary>
    public static async Task<AuditVerification> VerifyAsync(
        string path, IServiceProvider services, AuditAnchor? anchor, CancellationToken cancellationToken)
    {
        await using var connection = File(path, readOnly: true);
        await connection.OpenAsync(cancellationToken);
        var options = new DbContextOptionsBuilder<IncidentDeskDbContext>().UseSqlite(connection).Options;
        await using var db = new IncidentDeskDbContext(options) { Scope = CoopScope.FederationWide };
        return await AuditTrailService.VerifyChainAsync(db, services.GetRequiredService<AuditKeyRing>(), anchor, cancellationToken);
    }
}
