using Microsoft.EntityFrameworkCore;

namespace IncidentDesk.Data.Audit;

/// <summary>
/// One audit chain, one appender at a time: two appends must never read the same previous seal. Across instances
/// (PostgreSQL scale-out) a transaction-scoped advisory lock serializes the appends, taken only in the append's final step
/// and released by its commit. SQLite allows one writer per database anyway, taken at a transaction's first write; there an
/// in-process gate queues the units of work before their transactions begin, so no two of them wait on each other.
/// <para>
/// Units of several saves (<see cref="AuditTrail.BeginTransactionAsync"/>) read, compare and write — the next incident
/// reference, an edit against what the editor opened — so on PostgreSQL they also take a second advisory lock, for units
/// only, at their start. Lock order is always: units lock, then row locks, then the chain lock. Whoever holds the chain lock
/// waits for nothing else, so no cycle can form; and single saves, the common case, never wait for a long unit.
/// </para>
/// </summary>
public sealed class AuditWriter : IDisposable
{
    /// <summary>The advisory lock's key: any 64-bit number no other code on the database uses ("AUDIT" in ASCII).</summary>
    private const long ChainLockKey = 0x4155444954;

    /// <summary>The units' advisory lock ("AUDITU").</summary>
    private const long UnitLockKey = 0x415544495455;

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

    /// <summary>Serializes units of several saves across instances (PostgreSQL only), inside the unit's transaction.</summary>
    internal static async Task LockUnitsAsync(IncidentDeskDbContext db, CancellationToken cancellationToken)
    {
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({UnitLockKey})", cancellationToken);
        }
    }

    /// <summary>Takes the chain's database lock inside the context's current transaction (PostgreSQL only).</summary>
    internal static async Task LockChainAsync(IncidentDeskDbContext db, CancellationToken cancellationToken)
    {
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({ChainLockKey})", cancellationToken);
        }
    }
}
