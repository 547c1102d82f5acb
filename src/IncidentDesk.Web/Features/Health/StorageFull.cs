using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace IncidentDesk.Web.Features.Health;

/// <summary>
/// Recognises a write refused because the disk holding the data is full — an evidence file that could not be written, SQLite's
/// <c>SQLITE_FULL</c>, PostgreSQL's <c>disk_full</c> — wherever it surfaces, so the person gets "the server is out of
/// space, nothing was saved" instead of an error page, and operators get one log line to look for.
/// </summary>
public static partial class StorageFull
{
    private const int SqliteFull = 13;
    private const int UnixNoSpace = 28;
    private const int WindowsDiskFull = unchecked((int)0x80070070);
    private const int WindowsHandleDiskFull = unchecked((int)0x80070027);
    private const string PostgresDiskFull = "53100";

    public static bool Is(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case SqliteException { SqliteErrorCode: SqliteFull }:
                case DbException { SqlState: PostgresDiskFull }:
                case IOException { HResult: UnixNoSpace or WindowsDiskFull or WindowsHandleDiskFull }:
                    return true;
            }
        }

        return false;
    }

    /// <summary>One line per refused write, the same words wherever it was refused, for operators to search the log for.</summary>
    [LoggerMessage(Level = LogLevel.Error, Message = "Write refused for want of disk space ({What}). Free space on the data disk.")]
    public static partial void LogRefused(ILogger logger, Exception exception, string what);
}
