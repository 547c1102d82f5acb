using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace IncidentDesk.Data;

public static class SqliteDatabase
{
    public const string DefaultFileName = "incidentdesk.db";

    /// <summary>
    /// Anchors a relative <c>Data Source</c> to the content root (SQLite would otherwise resolve it against
    /// whatever folder the process was started from) and creates the folder.
    /// </summary>
    public static string ResolveConnectionString(string? configured, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(
            string.IsNullOrWhiteSpace(configured) ? $"Data Source=data/{DefaultFileName}" : configured);
        if (builder.DataSource != ":memory:" && builder.Mode != SqliteOpenMode.Memory)
        {
            builder.DataSource = Path.GetFullPath(builder.DataSource, contentRoot);
            Directory.CreateDirectory(Path.GetDirectoryName(builder.DataSource)!);
        }

        builder.ForeignKeys = true;
        return builder.ToString();
    }
}
