using System.Globalization;
using IncidentDesk.Data;
using IncidentDesk.Data.Audit;
using IncidentDesk.Web.Outcomes;
using IncidentDesk.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace IncidentDesk.Web.Features.Audit;

/// <summary>
/// The app's door to the audit trail: every write of every feature service goes through it, with the person acting in
/// this request or circuit (<see cref="CurrentUser"/>) as the actor unless another is named (the command line, the e-mail
/// of a failed sign-in). The sealing itself — one transaction, one hash chain — is <see cref="AuditTrail"/>'s.
/// </summary>
public sealed class AuditLog(FederationWideDb federationDb, CurrentUser user, AuditTrail trail)
{
    /// <summary>A transaction of several saves; it must append an entry (<see cref="SaveChangesAsync"/>) before it commits.</summary>
    public Task<AuditedTransaction> BeginTransactionAsync(IncidentDeskDbContext db, CancellationToken cancellationToken = default) =>
        trail.BeginTransactionAsync(db, cancellationToken);

    /// <summary>
    /// Saves the context's pending changes with their audit entries in one transaction: one entry per changed entity with its
    /// before/after values, or the single <paramref name="summary"/> when the caller names a bulk operation itself.
    /// </summary>
    public Task SaveChangesAsync(
        IncidentDeskDbContext db, AuditRecord? summary = null, AuditActor? actor = null, CancellationToken cancellationToken = default) =>
        trail.SaveChangesAsync(db, actor ?? Actor, summary, cancellationToken);

    /// <summary>Appends one entry on its own (sign-ins, denied access, Identity operations, exports).</summary>
    public async Task AppendAsync(AuditRecord record, AuditActor? actor = null, CancellationToken cancellationToken = default)
    {
        await using var db = federationDb.CreateDbContext();
        await trail.SaveChangesAsync(db, actor ?? Actor, record, cancellationToken);
    }

    /// <summary>Records an attempt to reach something the user may not see (answered as "not found").</summary>
    public Task DeniedAsync(string entityType, string entityId, CancellationToken cancellationToken = default) =>
        AppendAsync(new AuditRecord(AuditActions.AccessDenied, entityType, entityId), cancellationToken: cancellationToken);

    /// <summary>
    /// An id outside the caller's scope answers "not found" whether or not it exists; when it does exist, the attempt is
    /// audited. Existence is checked federation-wide here, and only here, since the caller's own context cannot see the row.
    /// </summary>
    public async Task DeniedIfExistsAsync<TEntity>(int id, CancellationToken cancellationToken = default)
        where TEntity : class
    {
        await using var db = federationDb.CreateDbContext();
        if (await db.Set<TEntity>().AnyAsync(e => EF.Property<int>(e, "Id") == id, cancellationToken))
        {
            await DeniedAsync(typeof(TEntity).Name, id.ToString(CultureInfo.InvariantCulture), cancellationToken);
        }
    }

    /// <summary>
    /// Null when <paramref name="allowed"/>; otherwise records the attempt and answers <see cref="Result.Forbidden"/>. The one
    /// way services say "your role may not do this", so every refusal is audited alike:
    /// <c>if (await audit.ForbiddenUnlessAsync(user.IsOfficer, …) is { } forbidden) return forbidden;</c>
    /// </summary>
    public async Task<Failure?> ForbiddenUnlessAsync(bool allowed, string entityType, string? entityId, CancellationToken cancellationToken = default)
    {
        if (allowed)
        {
            return null;
        }

        await AppendAsync(new AuditRecord(AuditActions.AccessDenied, entityType, entityId), cancellationToken: cancellationToken);
        return Result.Forbidden();
    }

    private AuditActor Actor => new(user.UserId, user.Name, user.ClientIp);
}
