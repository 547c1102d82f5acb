using Microsoft.EntityFrameworkCore;

namespace IncidentDesk.Data.Audit;

/// <summary>
/// One audit chain, one appender at a time: two appends must never read the same previous seal. Across instances
/// (PostgreSQL scale-out) a transaction-scoped advisory lock serializes the appends, taken only in the append's final step
/// and released by its commit. SQLite allows one writer per database anyway, taken at a transaction's first write; there an
/// in-process gate queues the units of work before their transactions begin, so no two of them wait on each other.
/// </summary>
public sealed class AuditWriter : IDisposable
{
    /// <summary>The advisory lock's key: any 64-bit number no other code on the database uses ("AUDIT" in ASCII).</summary>
    private const long ChainLockKey = 0x4155444954;

    private readonly SemaphoreSlim _gate = new(1, 1);

    public void Dispose() => _gate.Dispose();

    /// <summary>Waits for the in-process gate when the engine has a single writer (SQLite); true when it was taken.</summary>
    internal async Task<bool> EnterIfSingleWriterAsync(IncidentDeskDbContext db, CancellationToken cancellationToken)
    {
        if (db.Database.IsNpgsql())
        {
            return false;
        }

        await _gate.WaitAsync(cancellationToken);
        return true;
    }

    internal void Release() => _gate.Release();

    /// <summary>Takes the chain's database lock inside the context's current transaction (PostgreSQL only).</summary>
    internal static async Task LockChainAsync(IncidentDeskDbContext db, CancellationToken cancellationToken)
    {
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({ChainLockKey})", cancellationToken);
        }
    }
}
