using IncidentDesk.Core.Audit;
using IncidentDesk.Data;
using Microsoft.EntityFrameworkCore;

namespace IncidentDesk.Web.Features.Audit;

/// <summary>Reads and verifies the audit trail. Who may read it is checked by the callers' policies (officers, auditors).</summary>
public sealed class AuditTrailService(IDbContextFactory<IncidentDeskDbContext> dbFactory, AuditLog audit)
{
    private const int Batch = 5_000;

    /// <summary>Walks the whole chain in sequence order, in batches, and records that it was checked.</summary>
    public async Task<AuditVerification> VerifyAsync(AuditActor? actor = null, CancellationToken cancellationToken = default)
    {
        var verifier = new AuditChainVerifier();
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            long after = 0;
            while (true)
            {
                var batch = await db.AuditEntries.AsNoTracking()
                    .Where(e => e.Sequence > after).OrderBy(e => e.Sequence).Take(Batch)
                    .ToListAsync(cancellationToken);
                if (batch.Count == 0 || !batch.All(verifier.Accept))
                {
                    break;
                }

                after = batch[^1].Sequence;
            }
        }

        var result = verifier.Result;
        await audit.AppendAsync(new AuditRecord(AuditActions.AuditVerified, Changes:
            result.IsIntact ? $"intact, {result.EntriesChecked} entries" : $"broken at sequence {result.FirstBrokenSequence}: {result.Problem}"),
            actor, cancellationToken);
        return result;
    }
}
