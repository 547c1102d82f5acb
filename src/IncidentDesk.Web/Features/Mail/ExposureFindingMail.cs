using System.Globalization;
using IncidentDesk.Core.Mail;
using IncidentDesk.Data;
using IncidentDesk.Web.Features.Exposure.Findings;

namespace IncidentDesk.Web.Features.Mail;

/// <summary>
/// A new exposure finding, mailed to every active liaison of its co-op in the finding's own transaction. Sent at once
/// whatever the liaison's digest preference, like a deadline alert: an open broker leaks while a digest waits for tomorrow.
/// One mail per liaison and finding task, so a check repeated or run on two instances never mails twice.
/// </summary>
public sealed class ExposureFindingMail(MailOutbox outbox, MailComposer composer, TimeProvider time) : IFindingNotice
{
    public async Task QueueAsync(IncidentDeskDbContext db, FindingNotice notice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var liaisons = await MailRecipients.LiaisonsAsync(db, [notice.CoopId], cancellationToken);
        var task = string.Create(CultureInfo.InvariantCulture, $"coop-task:{notice.CoopTaskId}");
        List<MailDraft> drafts = [.. liaisons[notice.CoopId].Select(to => new MailDraft(MailKind.ExposureFinding, to.Address, to.Name, to.UserId,
            notice.CoopId, MailKeys.For(to.Address, MailKind.ExposureFinding, task, "-"), to.Culture, composer.ExposureFinding(to.Culture, to, notice)))];
        await outbox.AddAsync(db, drafts, time.GetUtcNow().UtcDateTime, cancellationToken);
    }

    public void Wake() => outbox.Wake();
}
