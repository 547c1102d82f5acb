using System.Globalization;
using IncidentDesk.Core.Mail;
using IncidentDesk.Data;
using IncidentDesk.Data.Audit;
using IncidentDesk.Web.Features.Audit;
using IncidentDesk.Web.Features.Mail.Sending;
using IncidentDesk.Web.Outcomes;
using IncidentDesk.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IncidentDesk.Web.Features.Mail.MailLog;

/// <summary>The mail log's filters, as the page keeps them in its URL.</summary>
public sealed record MailLogQuery(MailKind? Kind = null, MailState? State = null, string? Recipient = null, int Page = 0, int PageSize = 25);

public sealed record MailLogRow(
    int Id, DateTime CreatedAtUtc, MailKind Kind, string ToAddress, string? ToName, string? CoopCode, string Subject, MailState State,
    int Attempts, DateTime? LastAttemptAtUtc, string? LastAnswer, DateTime? SentAtUtc, bool HasBody, string MessageId);

public sealed record MailLogResult(IReadOnlyList<MailLogRow> Rows, int Total, IReadOnlyDictionary<MailState, int> ByState);

/// <summary>One mail as the log's detail shows it: the text part while it is kept.</summary>
public sealed record MailLogDetail(MailLogRow Row, string? Text, DateTime? BodyErasedAtUtc);

/// <summary>How mail leaves this desk, for the log's header (never the password).</summary>
public sealed record MailSetup(bool PickupFolder, string? Folder, string? Host, int Port, MailSecurity Security, string From, bool Authenticated);

/// <summary>
/// The mail log: every outbound mail with its kind, recipient, state, attempts and the server's last answer. Officers read
/// it and act on it (send a failed mail again, release or discard a held one), auditors read it, liaisons get nothing (the
/// outbox is federation-only in the data layer too). Every action is audited.
/// </summary>
public sealed class MailLogService(
    IDbContextFactory<IncidentDeskDbContext> dbFactory, CurrentUser user, AuditLog audit, MailOutbox outbox, TimeProvider time,
    IOptions<MailOptions> options, MailTransport transport)
{
    public const string ResentAction = "Mail.Resent";
    public const string ReleasedAction = "Mail.Released";
    public const string DiscardedAction = "Mail.Discarded";
    public const int MaxPageSize = 100;

    /// <summary>The code of a mail that is no longer in the state the officer acted on (someone else decided first).</summary>
    public const string ChangedCode = "MailChanged";

    public async Task<Result<MailLogResult>> SearchAsync(MailLogQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (await audit.ForbiddenUnlessAsync(user.IsOfficerOrAuditor, nameof(OutboxMail), "log", cancellationToken) is { } forbidden)
        {
            return forbidden;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var byState = await db.OutboxMails.AsNoTracking().GroupBy(m => m.State).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var mails = db.OutboxMails.AsNoTracking();
        if (query.Kind is { } kind)
        {
            mails = mails.Where(m => m.Kind == kind);
        }

        if (query.State is { } state)
        {
            mails = mails.Where(m => m.State == state);
        }

        if (!string.IsNullOrWhiteSpace(query.Recipient))
        {
            var text = query.Recipient.Trim().ToLowerInvariant();
            mails = mails.Where(m => m.ToAddress.Contains(text));
        }

        var total = await mails.CountAsync(cancellationToken);
        var pageSize = Math.Clamp(query.PageSize, 1, MaxPageSize);
        var rows = await Rows(db, mails.OrderByDescending(m => m.Id).Skip(Math.Max(0, query.Page) * pageSize).Take(pageSize))
            .ToListAsync(cancellationToken);
        return Result.Success(new MailLogResult(rows, total, byState));
    }

    public async Task<Result<MailLogDetail>> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        if (await audit.ForbiddenUnlessAsync(user.IsOfficerOrAuditor, nameof(OutboxMail), id.ToString(CultureInfo.InvariantCulture), cancellationToken)
            is { } forbidden)
        {
            return forbidden;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var row = await Rows(db, db.OutboxMails.AsNoTracking().Where(m => m.Id == id)).FirstOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return Result.NotFound();
        }

        var body = await db.OutboxMails.AsNoTracking().Where(m => m.Id == id).Select(m => new { m.TextBody, m.BodyErasedAtUtc })
            .FirstAsync(cancellationToken);
        return Result.Success(new MailLogDetail(row, body.TextBody, body.BodyErasedAtUtc));
    }

    /// <summary>A failed mail goes back in the queue with a fresh count of attempts (its body must still be kept).</summary>
    public Task<Result> ResendAsync(int id, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, MailState.Failed, MailState.Queued, ResentAction, cancellationToken);

    /// <summary>A held notice (a repeated launch) is sent after all.</summary>
    public Task<Result> ReleaseAsync(int id, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, MailState.Held, MailState.Queued, ReleasedAction, cancellationToken);

    /// <summary>A held notice is dropped: it will never be sent.</summary>
    public Task<Result> DiscardAsync(int id, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, MailState.Held, MailState.Discarded, DiscardedAction, cancellationToken);

    /// <summary>Every held notice at once (a repeated launch held 340 of them): sent, or dropped. One audit entry with the count.</summary>
    public async Task<Result<int>> DecideAllHeldAsync(bool send, CancellationToken cancellationToken = default)
    {
        if (await audit.ForbiddenUnlessAsync(user.IsOfficer, nameof(OutboxMail), "held", cancellationToken) is { } forbidden)
        {
            return forbidden;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var held = await db.OutboxMails.Where(m => m.State == MailState.Held).ToListAsync(cancellationToken);
        if (held.Count == 0)
        {
            return Result.Success(0);
        }

        var now = time.GetUtcNow().UtcDateTime;
        foreach (var row in held)
        {
            row.State = send ? MailState.Queued : MailState.Discarded;
            row.Version++;
            row.NextAttemptAtUtc = now;
        }

        try
        {
            await audit.SaveChangesAsync(db, new AuditRecord(send ? ReleasedAction : DiscardedAction, nameof(OutboxMail), null,
                System.Text.Json.JsonSerializer.Serialize(new { Count = held.Count, Ids = held.Select(h => h.Id) })), cancellationToken: cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result.ConflictWith(ChangedCode, "Done.Stale");
        }

        outbox.Wake();
        return Result.Success(held.Count);
    }

    public MailSetup Setup()
    {
        var o = options.Value;
        return new MailSetup(o.UsesPickupFolder, o.UsesPickupFolder ? transport.PickupFolder : null, o.Host, o.Port, o.Security, o.From,
            !string.IsNullOrEmpty(o.User));
    }

    private async Task<Result> ChangeAsync(int id, MailState from, MailState to, string action, CancellationToken cancellationToken)
    {
        if (await audit.ForbiddenUnlessAsync(user.IsOfficer, nameof(OutboxMail), id.ToString(CultureInfo.InvariantCulture), cancellationToken)
            is { } forbidden)
        {
            return forbidden;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var row = await db.OutboxMails.FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (row is null)
        {
            return Result.NotFound();
        }

        if (row.State != from || (to == MailState.Queued && !row.HasBody))
        {
            return Result.ConflictWith(ChangedCode, "Done.Stale");
        }

        row.State = to;
        row.Version++;
        if (to == MailState.Queued)
        {
            row.Attempts = 0;
            row.NextAttemptAtUtc = time.GetUtcNow().UtcDateTime;
        }

        try
        {
            await audit.SaveChangesAsync(db, SendRecorder.Describe(action, row), cancellationToken: cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result.ConflictWith(ChangedCode, "Done.Stale");
        }

        outbox.Wake();
        return Result.Success();
    }

    private static IQueryable<MailLogRow> Rows(IncidentDeskDbContext db, IQueryable<OutboxMail> mails) =>
        from m in mails
        join c in db.Coops.AsNoTracking() on m.CoopId equals c.Id into coops
        from c in coops.DefaultIfEmpty()
        select new MailLogRow(m.Id, m.CreatedAtUtc, m.Kind, m.ToAddress, m.ToName, c.Code, m.Subject, m.State, m.Attempts,
            m.LastAttemptAtUtc, m.LastAnswer, m.SentAtUtc, m.TextBody != null, m.MessageId);
}
