using IncidentDesk.Core.Audit;
using Microsoft.EntityFrameworkCore;

namespace IncidentDesk.Data.Audit;

/// <summary>What one audit line says happened.</summary>
public sealed record AuditRecord(string Action, string? EntityType = null, string? EntityId = null, string? Changes = null);

/// <summary>Who did it: the signed-in person, the command line, or the e-mail typed into a failed sign-in.</summary>
public sealed record AuditActor(string? Id, string Name, string? ClientIp = null);

/// <summary>
/// The audited write: the only way a change reaches the database (the context refuses any other save, see
/// AuditedWrites.cs). Each change is sealed onto the chain (<see cref="AuditChain"/>) with the current key of
/// <see cref="AuditKeyRing"/> inside the same transaction, so there is never a change without its entry nor an entry
/// without its change.
/// <para>
/// The chain is one sequence, so appends are serialized — but only the append itself: the data of a unit of work is saved
/// first, without the chain's lock; the entries are appended in a short final step (take the lock, read the head, seal,
/// insert, commit). On PostgreSQL the lock is a transaction-scoped advisory lock, taken after the unit's row locks and
/// holding no other lock while waited for, so two instances cannot deadlock on it. SQLite has one writer anyway; there an
/// in-process gate is taken before the transaction, as SQLite's own write lock is taken at the first write.
/// </para>
/// </summary>
public sealed class AuditTrail(AuditWriter writer, TimeProvider time, AuditKeyRing keys)
{
    public AuditKeyRing Keys => keys;

    /// <summary>
    /// A transaction spanning several saves (e.g. insert, then events naming the new id); it must describe itself with at
    /// least one <see cref="SaveChangesAsync"/> before it commits, and its entries are appended when it commits.
    /// </summary>
    public async Task<AuditedTransaction> BeginTransactionAsync(IncidentDeskDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var gated = await writer.EnterIfSingleWriterAsync(db, cancellationToken);
        var audited = db.EnterAuditedWrite();
        try
        {
            var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await AuditWriter.LockUnitsAsync(db, cancellationToken);
            db.PendingAudit = [];
            db.SealedInTransaction = false;
            return new AuditedTransaction(db, transaction, this, () =>
            {
                db.PendingAudit = null;
                audited.Dispose();
                if (gated)
                {
                    writer.Release();
                }
            });
        }
        catch
        {
            audited.Dispose();
            if (gated)
            {
                writer.Release();
            }

            throw;
        }
    }

    /// <summary>
    /// Saves the context's pending changes together with their audit entries, in one transaction: one entry per changed
    /// entity with its before/after values (action <c>Type.Created|Updated|Deleted</c>), or the single
    /// <paramref name="summary"/> when the caller names the operation itself. Inside <see cref="BeginTransactionAsync"/> the
    /// entries wait for the commit.
    /// </summary>
    public Task SaveChangesAsync(
        IncidentDeskDbContext db, AuditActor actor, AuditRecord? summary = null, CancellationToken cancellationToken = default) =>
        SaveAsync(db, actor, summary, action: null, cancellationToken);

    /// <summary>
    /// Saves like <see cref="SaveChangesAsync(IncidentDeskDbContext, AuditActor, AuditRecord?, CancellationToken)"/>, with one
    /// entry per changed entity, for a write that names its <paramref name="action"/> (e.g. <c>CoopTask.Updated</c>) so the
    /// place that writes it can be found by the name the trail shows. The unit must contain that change: a write named for
    /// a change it does not make is refused before anything is saved, rather than leaving a trail that misleads.
    /// </summary>
    public Task SaveChangesAsync(IncidentDeskDbContext db, AuditActor actor, string action, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(action);
        return SaveAsync(db, actor, summary: null, action, cancellationToken);
    }

    private async Task SaveAsync(
        IncidentDeskDbContext db, AuditActor actor, AuditRecord? summary, string? action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(actor);
        var captured = summary is null ? AuditChanges.Capture(db.ChangeTracker) : [];
        if (action is not null && !captured.Any(c => c.Action == action))
        {
            throw new InvalidOperationException(
                $"This write is named {action}, but its changes are: {string.Join(", ", captured.Select(c => c.Action).Distinct())}.");
        }
        if (db.PendingAudit is { } pending)
        {
            using (db.EnterAuditedWrite())
            {
                await db.SaveChangesAsync(cancellationToken);
            }

            pending.AddRange(Records(captured, summary).Select(r => NewEntry(r, actor)));
            db.SealedInTransaction = pending.Count > 0;
            return;
        }

        var gated = await writer.EnterIfSingleWriterAsync(db, cancellationToken);
        try
        {
            using var audited = db.EnterAuditedWrite();
            await using var transaction = db.Database.CurrentTransaction is null
                ? await db.Database.BeginTransactionAsync(cancellationToken)
                : null;
            await db.SaveChangesAsync(cancellationToken);
            await AppendAsync(db, Records(captured, summary).Select(r => NewEntry(r, actor)).ToList(), cancellationToken);
            db.SealedInTransaction = true;
            if (transaction is not null)
            {
                await transaction.CommitAsync(cancellationToken);
                db.SealedInTransaction = false;
            }
        }
        finally
        {
            if (gated)
            {
                writer.Release();
            }
        }
    }

    /// <summary>The unit's final step: its entries onto the chain, under the chain's lock, just before the commit.</summary>
    internal async Task AppendPendingAsync(IncidentDeskDbContext db, CancellationToken cancellationToken)
    {
        var pending = db.PendingAudit ?? [];
        db.PendingAudit = null;
        await AppendAsync(db, pending, cancellationToken);
    }

    private async Task AppendAsync(IncidentDeskDbContext db, IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken)
    {
        await AuditWriter.LockChainAsync(db, cancellationToken);
        // The chain is one sequence across every co-op: the previous entry is read whoever is writing.
        // Only what the next seal covers (its sequence and seal), not the head's whole record.
        var previous = await db.AuditEntries.IgnoreQueryFilters().AsNoTracking()
            .OrderByDescending(e => e.Sequence)
            .Select(e => new AuditEntry { Sequence = e.Sequence, Hash = e.Hash, ActorName = "", Action = "" })
            .FirstOrDefaultAsync(cancellationToken);
        var at = ToMicroseconds(time.GetUtcNow().UtcDateTime);
        foreach (var entry in entries)
        {
            entry.AtUtc = at;
            AuditChain.Seal(entry, previous, keys.Current);
            db.AuditEntries.Add(entry);
            previous = entry;
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static List<AuditRecord> Records(IReadOnlyList<AuditChanges> captured, AuditRecord? summary) =>
        summary is null ? captured.Select(c => c.ToRecord()).ToList() : [summary];

    private static AuditEntry NewEntry(AuditRecord record, AuditActor actor) => new()
    {
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
    /// The entry's seal covers its time, so the time is cut to what every engine stores (PostgreSQL keeps microseconds,
    /// .NET ticks are 100 ns): the chain then verifies the same after a round trip through any database.
    /// </summary>
    private static DateTime ToMicroseconds(DateTime at) => at.AddTicks(-(at.Ticks % (TimeSpan.TicksPerMillisecond / 1000)));

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];
}
