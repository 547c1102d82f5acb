using IncidentDesk.Core.Mail;
using Microsoft.EntityFrameworkCore;

namespace IncidentDesk.Data.Mail;

/// <summary>
/// Which sender sends which outbox row. A sender claims due rows by writing its lease on them (owner, until when) in one
/// conditional update: a row already leased and not yet expired is not taken again, so two instances never send the same
/// row at the same time. On PostgreSQL the candidates are read <c>FOR UPDATE SKIP LOCKED</c>, so a second instance claiming
/// at the same moment passes over the rows the first is taking instead of waiting for them. A crashed sender's lease simply
/// expires and the row is taken again (at-least-once).
/// </summary>
public static class OutboxLeases
{
    /// <summary>Claims up to <paramref name="limit"/> due rows for <paramref name="owner"/> (unique per claim) and returns them.</summary>
    public static async Task<IReadOnlyList<OutboxMail>> ClaimAsync(
        IncidentDeskDbContext db, string owner, DateTime nowUtc, DateTime leaseUntilUtc, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (limit <= 0)
        {
            return [];
        }

        using var bookkeeping = db.WriteUnaudited(UnauditedWrite.MailLease);
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            var candidates = db.Database.IsNpgsql()
                ? await db.Database.SqlQuery<int>($"""
                    SELECT "Id" AS "Value" FROM "OutboxMails"
                    WHERE "State" IN (0, 1) AND "NextAttemptAtUtc" <= {nowUtc} AND ("LeaseUntilUtc" IS NULL OR "LeaseUntilUtc" < {nowUtc})
                    ORDER BY "NextAttemptAtUtc", "Id" LIMIT {limit} FOR UPDATE SKIP LOCKED
                    """).ToListAsync(cancellationToken)
                : await Due(db, nowUtc).OrderBy(m => m.NextAttemptAtUtc).ThenBy(m => m.Id).Select(m => m.Id).Take(limit)
                    .ToListAsync(cancellationToken);
            if (candidates.Count == 0)
            {
                return [];
            }

            // The lease condition is checked again by the update itself: whoever updates a row first holds it.
            await Due(db, nowUtc).Where(m => candidates.Contains(m.Id)).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.LeaseOwner, owner)
                .SetProperty(m => m.LeaseUntilUtc, leaseUntilUtc)
                .SetProperty(m => m.Version, m => m.Version + 1), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        return await db.OutboxMails.AsNoTracking().Where(m => m.LeaseOwner == owner)
            .OrderBy(m => m.Id).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Gives rows back unsent (a rate limit was reached, or the sender is stopping), to be tried from
    /// <paramref name="notBeforeUtc"/>; only rows this owner still holds.
    /// </summary>
    public static async Task ReleaseAsync(
        IncidentDeskDbContext db, string owner, IReadOnlyCollection<int> ids, DateTime notBeforeUtc, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count == 0)
        {
            return;
        }

        using var bookkeeping = db.WriteUnaudited(UnauditedWrite.MailLease);
        await db.OutboxMails.Where(m => ids.Contains(m.Id) && m.LeaseOwner == owner).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.LeaseOwner, (string?)null)
            .SetProperty(m => m.LeaseUntilUtc, (DateTime?)null)
            .SetProperty(m => m.NextAttemptAtUtc, notBeforeUtc)
            .SetProperty(m => m.Version, m => m.Version + 1), cancellationToken);
    }

    private static IQueryable<OutboxMail> Due(IncidentDeskDbContext db, DateTime nowUtc) => db.OutboxMails.Where(m =>
        (m.State == MailState.Queued || m.State == MailState.Retrying) && m.NextAttemptAtUtc <= nowUtc
        && (m.LeaseUntilUtc == null || m.LeaseUntilUtc < nowUtc));
}
