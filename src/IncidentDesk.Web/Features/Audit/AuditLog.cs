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
public sealed class AuditLog(FederationWideDb federationDb, CurrentUser user, AuditTrail trail, DenialThrottle denials)
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

    /// <summary>
    /// Saves like <see cref="SaveChangesAsync(IncidentDeskDbContext, AuditRecord?, AuditActor?, CancellationToken)"/> for one
    /// of the main writes, which names its <paramref name="action"/> (a constant of <see cref="AuditActions"/>) so that
    /// searching for the action the trail shows finds this call. The unit must contain that change (checked before saving).
    /// </summary>
    public Task SaveChangesAsync(IncidentDeskDbContext db, string action, CancellationToken cancellationToken = default) =>
        trail.SaveChangesAsync(db, Actor, action, cancellationToken);

    /// <summary>Appends one entry on its own (sign-ins, denied access, Identity operations, exports).</summary>
    public async Task AppendAsync(AuditRecord record, AuditActor? actor = null, CancellationToken cancellationToken = default)
    {
        await using var db = federationDb.CreateDbContext();
        await trail.SaveChangesAsync(db, actor ?? Actor, record, cancellationToken);
    }

    /// <summary>Records an attempt to reach something the user may not see (answered as "not found").</summary>
    public Task DeniedAsync(string entityType, string entityId, CancellationToken cancellationToken = default) =>
        RecordDenialAsync(new AuditRecord(AuditActions.AccessDenied, entityType, entityId), null, cancellationToken);

    /// <summary>
    /// Records a refusal before any service ran: a page, download, API call or hub connection the caller's role, token or
    /// enrolment does not admit. <paramref name="what"/> is the request ("GET /audit"), <paramref name="why"/> the rule that
    /// refused it; <paramref name="actor"/> when the refused caller is not the request's person (a revoked token's owner).
    /// </summary>
    public Task RefusedAsync(string what, string why, AuditActor? actor = null, CancellationToken cancellationToken = default) =>
        RecordDenialAsync(new AuditRecord(AuditActions.AccessDenied, RefusedRequest, what,
            System.Text.Json.JsonSerializer.Serialize(new { Reason = why })), actor, cancellationToken);

    /// <summary>The entity type of refusals of a whole request (a route), as opposed to one row.</summary>
    public const string RefusedRequest = "Request";

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

        await RecordDenialAsync(new AuditRecord(AuditActions.AccessDenied, entityType, entityId), null, cancellationToken);
        return Result.Forbidden();
    }

    // Every refusal passes the per-caller throttle: recorded in full, or counted into the entry its window writes later.
    private async Task RecordDenialAsync(AuditRecord record, AuditActor? actor, CancellationToken cancellationToken)
    {
        actor ??= Actor;
        if (denials.Admit(actor, record))
        {
            await AppendAsync(record, actor, cancellationToken);
        }
    }

    private AuditActor Actor => new(user.UserId, user.Name, user.ClientIp);
}
