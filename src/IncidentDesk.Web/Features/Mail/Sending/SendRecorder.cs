using System.Globalization;
using System.Text.Json;
using IncidentDesk.Core.Mail;
using IncidentDesk.Data;
using IncidentDesk.Data.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IncidentDesk.Web.Features.Mail.Sending;

/// <summary>
/// Writes what an attempt did to its outbox row and to the audit trail, in one transaction, as <c>system:mail</c>: sent,
/// deferred (transient failure, back-off) or failed (permanent, or the last allowed attempt). Only the sender still
/// holding the row's lease may record (the row's version guards it).
/// </summary>
public sealed class SendRecorder(FederationWideDb federationDb, AuditTrail trail, IOptions<MailOptions> options, ILogger<SendRecorder> log)
{
    public static readonly AuditActor Actor = new(null, "system:mail");

    public const string SentAction = "Mail.Sent";
    public const string DeferredAction = "Mail.Deferred";
    public const string FailedAction = "Mail.Failed";

    public async Task<MailState?> RecordAsync(int id, string owner, SendOutcome outcome, DateTime nowUtc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        // Background work on nobody's behalf: the sender reads and writes every co-op's mail rows.
        await using var db = federationDb.CreateDbContext();
        var row = await db.OutboxMails.FirstOrDefaultAsync(m => m.Id == id && m.LeaseOwner == owner, cancellationToken);
        if (row is null)
        {
            MailLogMessages.LeaseLost(log, id);
            return null;
        }

        var o = options.Value;
        row.Attempts++;
        row.LastAttemptAtUtc = nowUtc;
        row.LastAnswer = outcome.Answer;
        row.LeaseOwner = null;
        row.LeaseUntilUtc = null;
        row.Version++;
        string action;
        if (outcome.Sent)
        {
            row.State = MailState.Sent;
            row.SentAtUtc = nowUtc;
            action = SentAction;
            if (row.Kind == MailKind.Invitation)
            {
                // The body holds a single-use sign-up link: once the server has it, the desk keeps no copy.
                Erase(row, nowUtc);
            }
        }
        else if (outcome.Failure == SendFailure.Permanent || row.Attempts >= o.MaxAttempts)
        {
            row.State = MailState.Failed;
            action = FailedAction;
        }
        else
        {
            row.State = MailState.Retrying;
            row.NextAttemptAtUtc = SmtpAnswer.NextAttempt(nowUtc, row.Attempts,
                TimeSpan.FromSeconds(o.FirstRetrySeconds), TimeSpan.FromMinutes(o.MaxRetryMinutes));
            action = DeferredAction;
        }

        try
        {
            await trail.SaveChangesAsync(db, Actor, Describe(action, row), cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            MailLogMessages.LeaseLost(log, id);
            return null;
        }

        if (row.State == MailState.Failed)
        {
            MailLogMessages.MailFailed(log, id, row.Kind, row.Attempts, row.LastAnswer);
        }

        return row.State;
    }

    internal static void Erase(OutboxMail row, DateTime nowUtc)
    {
        row.TextBody = null;
        row.HtmlBody = null;
        row.BodyErasedAtUtc = nowUtc;
    }

    internal static AuditRecord Describe(string action, OutboxMail row) => new(action, nameof(OutboxMail),
        row.Id.ToString(CultureInfo.InvariantCulture), JsonSerializer.Serialize(new
        {
            Kind = row.Kind.ToString(), To = row.ToAddress, row.MessageId, State = row.State.ToString(), row.Attempts, Answer = row.LastAnswer,
        }));
}
