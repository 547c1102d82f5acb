using System.Globalization;
using IncidentDesk.Core.Mail;
using IncidentDesk.Data;
using IncidentDesk.Data.Audit;
using IncidentDesk.Web.Features.Mail.Sending;
using IncidentDesk.Web.Features.Reports.Inbox;

namespace IncidentDesk.Web.Features.Mail;

/// <summary>
/// Tells an outside reporter (no account) that their status page has news, in Portuguese (the public form's language),
/// with the reference and the link only. Queued in its own audited transaction as <c>system:mail</c>: the officer's
/// answer has already committed, and nobody acts here on a person's behalf, hence the federation-wide context. Updates
/// within the same hour make one mail, so a thread of quick replies does not flood the reporter.
/// </summary>
public sealed class ReporterUpdateMail(FederationWideDb federationDb, AuditTrail trail, MailOutbox outbox, MailComposer composer, TimeProvider time)
    : IReporterNotifier
{
    public const string QueuedAction = "Mail.Queued";

    public async Task UpdateAvailableAsync(ReporterNotice notice, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var now = time.GetUtcNow().UtcDateTime;
        var hour = now.ToString("yyyy-MM-ddTHH", CultureInfo.InvariantCulture);
        var draft = new MailDraft(MailKind.ReporterUpdate, notice.Email, null, null, null,
            MailKeys.For(notice.Email, MailKind.ReporterUpdate, notice.Reference, hour), MailCultures.Portuguese,
            composer.ReporterUpdate(MailCultures.Portuguese, notice.Reference));
        await using var db = federationDb.CreateDbContext();
        await using var transaction = await trail.BeginTransactionAsync(db, cancellationToken);
        var rows = await outbox.AddAsync(db, [draft], now, cancellationToken);
        await trail.SaveChangesAsync(db, SendRecorder.Actor,
            new AuditRecord(QueuedAction, "SecurityReport", notice.Reference, $"{{\"Kind\":\"{MailKind.ReporterUpdate}\",\"Queued\":{rows.Count}}}"),
            cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        outbox.Wake();
    }
}
