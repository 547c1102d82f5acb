using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using IncidentDesk.Data.Audit;

namespace IncidentDesk.Data;

/// <summary>
/// The writes that deliberately leave no entry on the audit chain, each with its reason. Every other write goes through
/// <see cref="Audit.AuditTrail"/>; a context asked to save outside both refuses (<see cref="UnauditedWriteException"/>).
/// </summary>
public enum UnauditedWrite
{
    /// <summary>Creating and upgrading the schema at start, before anyone can act.</summary>
    Migration,

    /// <summary>The demo directory, the starter playbook and the reference incident written into an empty database.</summary>
    Seeding,

    /// <summary>
    /// ASP.NET Identity's own saves (password hash, lockout counter, security stamp, authenticator key). The account
    /// services append the meaningful event (signed in, locked out, 2FA enrolled, deactivated) to the chain themselves.
    /// </summary>
    IdentityStore,

    /// <summary>A token's "last used" minute, shown to its owner; rewritten at most once a minute per token.</summary>
    TokenLastUsed,

    /// <summary>
    /// The mail sender's lease on outbox rows (which instance holds them until when, and when a rate-limited one may be
    /// tried): delivery bookkeeping that changes no record anyone reads, while the send or failure it leads to is audited.
    /// </summary>
    MailLease,

    /// <summary>
    /// A signed-in session's record (started at sign-in, removed at sign-out) and the last authenticator time-step an account
    /// used; the account pages append the sign-in and sign-out themselves.
    /// </summary>
    SessionRecord,
}

/// <summary>A save, or a SQL write, attempted outside the audit trail: nothing was written.</summary>
public sealed class UnauditedWriteException(string message) : InvalidOperationException(message);

/// <summary>
/// Refuses SQL writes that bypass <see cref="DbContext.SaveChanges()"/> (ExecuteUpdate, ExecuteDelete, raw SQL) when the
/// context is neither inside the audit trail's unit of work nor in a named <see cref="UnauditedWrite"/>.
/// </summary>
public sealed class AuditedWriteGuard : DbCommandInterceptor
{
    public static AuditedWriteGuard Instance { get; } = new();

    private static readonly string[] WriteVerbs = ["INSERT", "UPDATE", "DELETE", "MERGE", "REPLACE", "TRUNCATE"];

    public override InterceptionResult<DbDataReader> ReaderExecuting(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Check(command, eventData);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Check(command, eventData);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Check(command, eventData);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Check(command, eventData);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Check(command, eventData);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Check(command, eventData);
        return ValueTask.FromResult(result);
    }

    private static void Check(DbCommand command, CommandEventData eventData)
    {
        if (eventData.Context is IncidentDeskDbContext db && !db.MayWrite && IsWrite(command.CommandText))
        {
            throw new UnauditedWriteException(IncidentDeskDbContext.UnauditedMessage);
        }
    }

    internal static bool IsWrite(string sql)
    {
        var text = sql.AsSpan().TrimStart();
        while (text.StartsWith("--", StringComparison.Ordinal))
        {
            var end = text.IndexOf('\n');
            text = end < 0 ? [] : text[(end + 1)..].TrimStart();
        }

        foreach (var verb in WriteVerbs)
        {
            if (text.StartsWith(verb, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}

public sealed partial class IncidentDeskDbContext
{
    internal const string UnauditedMessage =
        "Changes are saved through the audit trail (AuditTrail, which the app's AuditLog uses), so that each lands on the " +
        "hash chain in its own transaction. Save through it, or name the reason in UnauditedWrite.";

    private int _auditedDepth;
    private UnauditedWrite? _unaudited;

    /// <summary>Inside the audit trail's unit of work, or in a named unaudited write.</summary>
    internal bool MayWrite => _auditedDepth > 0 || _unaudited is not null;

    /// <summary>Set when the audit trail appended an entry in the current transaction (checked before it commits).</summary>
    internal bool SealedInTransaction { get; set; }

    /// <summary>Inside an audited unit of work: the entries it described, appended to the chain when it commits.</summary>
    internal List<Core.Audit.AuditEntry>? PendingAudit { get; set; }

    /// <summary>Opens the context for one of the writes that deliberately leave no audit entry, until disposed.</summary>
    public IDisposable WriteUnaudited(UnauditedWrite reason)
    {
        var before = _unaudited;
        _unaudited = reason;
        return new Reset(() => _unaudited = before);
    }

    /// <summary>Only <see cref="Audit.AuditTrail"/> opens the context for audited writes.</summary>
    internal IDisposable EnterAuditedWrite()
    {
        _auditedDepth++;
        return new Reset(() => _auditedDepth--);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        EnsureWriteIsAllowed();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        EnsureWriteIsAllowed();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    private void EnsureWriteIsAllowed()
    {
        if (!ChangeTracker.HasChanges())
        {
            return;
        }

        if (!MayWrite)
        {
            throw new UnauditedWriteException(UnauditedMessage);
        }

        EnsureScopeMayWrite();
    }

    private sealed class Reset(Action undo) : IDisposable
    {
        private Action? _undo = undo;

        public void Dispose()
        {
            _undo?.Invoke();
            _undo = null;
        }
    }
}
