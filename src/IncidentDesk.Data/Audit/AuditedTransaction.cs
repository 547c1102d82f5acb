using Microsoft.EntityFrameworkCore.Storage;

namespace IncidentDesk.Data.Audit;

/// <summary>
/// A database transaction of several saves (see <see cref="AuditTrail.BeginTransactionAsync"/>). It commits only once the
/// audit trail has been told what it did: a unit of work that forgot to describe itself is rolled back, not committed
/// unaudited. Its entries are appended to the chain as the last step before the commit.
/// </summary>
public sealed class AuditedTransaction(IncidentDeskDbContext db, IDbContextTransaction transaction, AuditTrail trail, Action release)
    : IAsyncDisposable
{
    public async Task CommitAsync(CancellationToken cancellationToken = default)
    {
        if (!db.SealedInTransaction)
        {
            throw new UnauditedWriteException(
                "This transaction appended nothing to the audit trail; describe it with AuditTrail.SaveChangesAsync before committing.");
        }

        await trail.AppendPendingAsync(db, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await transaction.DisposeAsync();
        }
        finally
        {
            db.SealedInTransaction = false;
            release();
        }
    }
}
