using Microsoft.EntityFrameworkCore.Storage;

namespace IncidentDesk.Web.Features.Audit;

/// <summary>A database transaction that holds the audit writer until it is disposed (see <see cref="AuditLog.BeginTransactionAsync"/>).</summary>
public sealed class AuditedTransaction(IDbContextTransaction transaction, Action release) : IAsyncDisposable
{
    public Task CommitAsync(CancellationToken cancellationToken = default) => transaction.CommitAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        try
        {
            await transaction.DisposeAsync();
        }
        finally
        {
            release();
        }
    }
}
