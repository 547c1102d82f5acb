using IncidentDesk.Core.Audit;
using Microsoft.EntityFrameworkCore;

namespace IncidentDesk.Data.Audit;

/// <summary>What one audit line says happened.</summary>
public sealed record AuditRecord(string Action, string? EntityType = null, string? EntityId = null, string? Changes = null);

/// <summary>Who did it: the signed-in person, the command line, or the e-mail typed into a failed sign-in.</summary>
public sealed record AuditActor(string? Id, string Name, string? ClientIp = null);

/// <summary>
/// The audited write: the only way a change reaches the database (the context refuses any other save, see
/// AuditedWrites.cs). Each change is sealed onto the hash chain (<see cref="AuditChain"/>) inside the same transaction, so
/// there is never a change without its entry nor an entry without its change.
/// </summary>
public sealed class AuditTrail(AuditWriter writer, TimeProvider time)
{
    /// <summary>
    /// A transaction spanning several saves (e.g. insert, then events naming the new id); it must append at least one entry
    /// before it commits. The audit writer is taken FIRST, then the database transaction: taking them in the other order
    /// would let two writers each hold one and wait for the other until SQLite's busy timeout.
    /// </summary>
    public async Task<AuditedTransaction> BeginTransactionAsync(IncidentDeskDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        await writer.WaitAsync(cancellationToken);
        var audited = db.EnterAuditedWrite();
        try
        {
            var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await AuditWriter.LockChainAsync(db, cancellationToken);
            writer.Hold(db, transaction);
            db.SealedInTransaction = false;
            return new AuditedTransaction(db, transaction, () =>
            {
                writer.Drop(db);
                audited.Dispose();
                writer.Release();
            });
        }
        catch
        {
            audited.Dispose();
            writer.Release();
            throw;
        }
    }

    /// <summary>
    /// Saves the context's pending changes together with their audit entries, in one transaction: one entry per changed
    /// entity with its before/after values (action <c>Type.Created|Updated|Deleted</c>), or the single
    /// <paramref name="summary"/> when the caller names the operation itself.
    /// </summary>
    public async Task SaveChangesAsync(
        IncidentDeskDbContext db, AuditActor actor, AuditRecord? summary = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(actor);
        var captured = summary is null ? AuditChanges.Capture(db.ChangeTracker) : [];
        var ownsWriter = !writer.Holds(db);
        if (ownsWriter)
        {
            await writer.WaitAsync(cancellationToken);
        }

        try
        {
            using var audited = db.EnterAuditedWrite();
            await using var transaction = db.Database.CurrentTransaction is null
                ? await db.Database.BeginTransactionAsync(cancellationToken)
                : null;
            await AuditWriter.LockChainAsync(db, cancellationToken); // re-entrant within a transaction
            await db.SaveChangesAsync(cancellationToken);

            // The chain is one sequence across every co-op: the previous entry is read whoever is writing.
            var previous = await db.AuditEntries.IgnoreQueryFilters().AsNoTracking()
                .OrderByDescending(e => e.Sequence).FirstOrDefaultAsync(cancellationToken);
            var records = summary is null ? captured.Select(c => c.ToRecord()) : [summary];
            foreach (var record in records)
            {
                var entry = NewEntry(record, actor);
                AuditChain.Seal(entry, previous);
                db.AuditEntries.Add(entry);
                previous = entry;
            }

            await db.SaveChangesAsync(cancellationToken);
            db.SealedInTransaction = true;
            if (transaction is not null)
            {
                await transaction.CommitAsync(cancellationToken);
                db.SealedInTransaction = false;
            }
        }
        finally
        {
            if (ownsWriter)
            {
                writer.Release();
            }
        }
    }

    private AuditEntry NewEntry(AuditRecord record, AuditActor actor) => new()
    {
        AtUtc = ToMicroseconds(time.GetUtcNow().UtcDateTime),
        ActorId = actor.Id,
        // A failed sign-in records the e-mail as typed: bounded, since anyone can type anything there.
        ActorName = Truncate(actor.Name, 256),
        Action = record.Action,
        EntityType = record.EntityType,
        EntityId = record.EntityId,
        Changes = record.Changes,
        ClientIp = actor.ClientIp,
    };

    /// <summary>
    /// The entry's hash covers its time, so the time is cut to what every engine stores (PostgreSQL keeps microseconds,
    /// .NET ticks are 100 ns): the chain then verifies the same after a round trip through any database.
    /// </summary>
    private static DateTime ToMicroseconds(DateTime at) => at.AddTicks(-(at.Ticks % (TimeSpan.TicksPerMillisecond / 1000)));

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];
}
