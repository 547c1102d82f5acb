using Microsoft.EntityFrameworkCore;

namespace IncidentDesk.Data.Audit;

/// <summary>
/// One audit chain, one writer at a time: two appends must never read the same previous hash. Within an instance a
/// semaphore queues the writers; across instances (PostgreSQL scale-out) a transaction-scoped advisory lock does, taken
/// first in every audited transaction and released by its commit or rollback. (SQLite has a single writer anyway.)
/// </summary>
public sealed class AuditWriter : IDisposable
{
    /// <summary>The advisory lock's key: any 64-bit number no other code on the database uses ("AUDIT" in ASCII).</summary>
    private const long ChainLockKey = 0x4155444954;

    private readonly SemaphoreSlim _gate = new(1, 1);

    // Contexts whose unit of work already holds the writer (see AuditLog.BeginTransactionAsync): their saves must not wait
    // for it again.
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<IncidentDeskDbContext, object> _holders = [];

    public void Dispose() => _gate.Dispose();

    internal bool Holds(IncidentDeskDbContext db) => _holders.TryGetValue(db, out _);

    internal Task WaitAsync(CancellationToken cancellationToken) => _gate.WaitAsync(cancellationToken);

    internal void Release() => _gate.Release();

    internal void Hold(IncidentDeskDbContext db, object transaction) => _holders.AddOrUpdate(db, transaction);

    internal void Drop(IncidentDeskDbContext db) => _holders.Remove(db);

    /// <summary>Takes the chain's database lock inside the context's current transaction (PostgreSQL only).</summary>
    internal static async Task LockChainAsync(IncidentDeskDbContext db, CancellationToken cancellationToken)
    {
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({ChainLockKey})", cancellationToken);
        }
    }
}
