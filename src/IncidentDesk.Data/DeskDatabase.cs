using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentDesk.Data;

/// <summary>The engines IncidentDesk runs on: SQLite (zero set-up, one instance) or PostgreSQL (several instances).</summary>
public enum DatabaseProvider
{
    Sqlite,
    PostgreSQL,
}

/// <summary>
/// The one place that turns configuration (<c>IncidentDesk:Database:Provider</c> and <c>ConnectionStrings:IncidentDesk</c>)
/// into EF Core options. Each engine has its own migrations (SQLite's in this assembly, PostgreSQL's in
/// <see cref="PostgreSqlMigrationsAssembly"/>), because their append-only triggers and column types differ.
/// </summary>
public static class DeskDatabase
{
    public const string ProviderKey = "IncidentDesk:Database:Provider";
    public const string PostgreSqlMigrationsAssembly = "IncidentDesk.Data.PostgreSQL";
    public const string SqliteSyncKey = "IncidentDesk:Database:SqliteSync";

    public static DatabaseProvider ParseProvider(string? configured) => configured?.Trim() switch
    {
        null or "" => DatabaseProvider.Sqlite,
        var name when Enum.TryParse<DatabaseProvider>(name, ignoreCase: true, out var provider) && Enum.IsDefined(provider) => provider,
        var name => throw new InvalidOperationException(
            $"{ProviderKey} is '{name}'; use '{nameof(DatabaseProvider.Sqlite)}' or '{nameof(DatabaseProvider.PostgreSQL)}'."),
    };

    public static SqliteSync ParseSqliteSync(string? configured) => configured?.Trim() switch
    {
        null or "" => SqliteSync.Full,
        var name when Enum.TryParse<SqliteSync>(name, ignoreCase: true, out var sync) && Enum.IsDefined(sync) => sync,
        var name => throw new InvalidOperationException(
            $"{SqliteSyncKey} is '{name}'; use '{nameof(SqliteSync.Full)}' (the default) or '{nameof(SqliteSync.Normal)}'."),
    };

    public static DbContextOptionsBuilder UseDesk(
        this DbContextOptionsBuilder options, DatabaseProvider provider, string? connectionString, string contentRoot,
        SqliteSync sqliteSync = SqliteSync.Full)
    {
        ArgumentNullException.ThrowIfNull(options);
        return provider switch
        {
            DatabaseProvider.PostgreSQL => options.UseNpgsql(
                string.IsNullOrWhiteSpace(connectionString)
                    ? throw new InvalidOperationException(
                        "ConnectionStrings:IncidentDesk must name the PostgreSQL database when the provider is PostgreSQL.")
                    : connectionString,
                o => o.MigrationsAssembly(PostgreSqlMigrationsAssembly)),
            _ => options.UseSqlite(SqliteDatabase.ResolveConnectionString(connectionString, contentRoot)).AddInterceptors(SqliteConnectionPragmas.For(sqliteSync)),
        };
    }

    /// <summary>The Identity tables' schema version the app runs with (SecurityExtensions configures it).</summary>
    public static readonly Version IdentitySchema = IdentitySchemaVersions.Version2;

    /// <summary>
    /// Identity shapes its tables from the app's <see cref="IdentityOptions"/>: a context built outside the app (migrations
    /// tooling, test templates) gets the same options, so its model is the model the migrations were made from.
    /// </summary>
    public static DbContextOptionsBuilder UseAppModelOutsideTheApp(this DbContextOptionsBuilder options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var services = new ServiceCollection();
        services.Configure<IdentityOptions>(o => o.Stores.SchemaVersion = IdentitySchema);
        return options.UseApplicationServiceProvider(services.BuildServiceProvider());
    }

    /// <summary>Applies the engine's migrations; on SQLite, then switches the file to WAL so readers never block the writer.</summary>
    public static async Task MigrateAsync(IncidentDeskDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        using var _ = db.WriteUnaudited(UnauditedWrite.Migration);
        await db.Database.MigrateAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }
}
