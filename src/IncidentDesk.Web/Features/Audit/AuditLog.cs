using IncidentDesk.Core.Audit;
using IncidentDesk.Data;
using IncidentDesk.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace IncidentDesk.Web.Features.Audit;

/// <summary>What one audit line says happened.</summary>
public sealed record AuditRecord(string Action, string? EntityType = null, string? EntityId = null, string? Changes = null);

/// <summary>Who did it, when it is not the signed-in user (the command line, a failed sign-in's e-mail).</summary>
public sealed record AuditActor(string? Id, string Name);

/// <summary>
/// The only way anything is written to the audit trail. Entries are sealed onto the hash chain
/// (<see cref="AuditChain"/>) inside the same transaction as the change they describe.
/// </summary>
public sealed class AuditLog(IDbContextFactory<IncidentDeskDbContext> dbFactory, CurrentUser user, TimeProvider time, AuditWriter writer)
{
    /// <summary>
    /// A transaction spanning several saves (e.g. insert, then events naming the new id). The audit writer is taken
    /// FIRST, then the database transaction: taking them in the other order would let two writers each hold one and
    /// wait for the other until SQLite's busy timeout.
    /// </summary>
    public async Task<AuditedTransaction> BeginTransactionAsync(IncidentDeskDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        await writer.WaitAsync(cancellationToken);
        try
        {
            var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await AuditWriter.LockChainAsync(db, cancellationToken);
            writer.Hold(db, transaction);
            return new AuditedTransaction(transaction, () =>
            {
                writer.Drop(db);
                writer.Release();
            });
        }
        catch
        {
            writer.Release();
            throw;
        }
    }

    /// <summary>Appends one entry on its own (sign-ins, denied access, Identity operations).</summary>
    public async Task AppendAsync(AuditRecord record, AuditActor? actor = null, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await SaveChangesAsync(db, record, actor, cancellationToken);
    }

    /// <summary>Records an attempt to reach something the user may not see (answered as "not found").</summary>
    public Task DeniedAsync(string entityType, string entityId, CancellationToken cancellationToken = default) =>
        AppendAsync(new AuditRecord(AuditActions.AccessDenied, entityType, entityId), cancellationToken: cancellationToken);

    /// <summary>
    /// Lets the caller go on only when <paramref name="allowed"/>; otherwise records the attempt and refuses. The one
    /// way services say "not for you", so every refusal is audited alike.
    /// </summary>
    public async Task DemandAsync(bool allowed, string entityType, string? entityId, CancellationToken cancellationToken = default)
    {
        if (!allowed)
        {
            await AppendAsync(new AuditRecord(AuditActions.AccessDenied, entityType, entityId), cancellationToken: cancellationToken);
            throw new UnauthorizedAccessException($"Not allowed to change {entityType} {entityId}.");
        }
    }

    /// <summary>
    /// Saves the context's pending changes together with their audit entries, in one transaction:
    /// one entry per changed entity with its before/after values, or the single <paramref name="summary"/>
    /// when the caller describes a bulk operation itself.
    /// </summary>
    public async Task SaveChangesAsync(
        IncidentDeskDbContext db, AuditRecord? summary = null, AuditActor? actor = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var captured = summary is null ? AuditChanges.Capture(db.ChangeTracker) : [];
        var ownsWriter = !writer.Holds(db);
        if (ownsWriter)
        {
            await writer.WaitAsync(cancellationToken);
        }

        try
        {
            await using var transaction = db.Database.CurrentTransaction is null
                ? await db.Database.BeginTransactionAsync(cancellationToken)
                : null;
            await AuditWriter.LockChainAsync(db, cancellationToken); // re-entrant within a transaction
            await db.SaveChangesAsync(cancellationToken);

            var previous = await db.AuditEntries.AsNoTracking()
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
            if (transaction is not null)
            {
                await transaction.CommitAsync(cancellationToken);
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

    private AuditEntry NewEntry(AuditRecord record, AuditActor? actor) => new()
    {
        AtUtc = ToMicroseconds(time.GetUtcNow().UtcDateTime),
        ActorId = actor is null ? user.UserId : actor.Id,
        // A failed sign-in records the e-mail as typed: bounded, since anyone can type anything there.
        ActorName = Truncate(actor?.Name ?? user.Name, 256),
        Action = record.Action,
        EntityType = record.EntityType,
        EntityId = record.EntityId,
        Changes = record.Changes,
        ClientIp = user.ClientIp,
    };

    /// <summary>
    /// The entry's hash covers its time, so the time is cut to what every engine stores (PostgreSQL keeps microseconds,
    /// .NET ticks are 100 ns): the chain then verifies the same after a round trip through any database.
    /// </summary>
    private static DateTime ToMicroseconds(DateTime at) => at.AddTicks(-(at.Ticks % (TimeSpan.TicksPerMillisecond / 1000)));

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];
}
