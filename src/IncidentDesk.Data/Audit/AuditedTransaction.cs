using Microsoft.EntityFrameworkCore.Storage;

namespace IncidentDesk.Data.Audit;

/// <summary>
/// A database transaction of several saves that holds the audit writer until it is disposed (see
/// <see cref="AuditTrail.BeginTransactionAsync"/>). It commits only once the audit trail has sealed an entry in it: a unit
/// of work that forgot to describe itself is rolled back, not committed unaudited.
/// </summary>
public sealed class AuditedTransaction(IncidentDeskDbContext db, IDbContextTransaction transaction, Action release) : IAsyncDisposable
{
    public async Task CommitAsync(CancellationToken cancellationToken = default)
    {
        if (!db.SealedInTransaction)
        {
            throw new UnauditedWriteException(
                "This transaction appended nothing to the audit trail; describe it with AuditTrail.SaveChangesAsync before committing.");
        }

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
