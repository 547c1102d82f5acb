using System.Globalization;
using System.Text.Json;
using IncidentDesk.Core.Mail;
using IncidentDesk.Data;
using IncidentDesk.Data.Audit;
using IncidentDesk.Data.Identity;
using IncidentDesk.Web.Features.Audit;

namespace IncidentDesk.Web.Features.Mail;

/// <summary>An invitation whose link is to be mailed: the link's token exists only here and in the mail.</summary>
public sealed record InvitationToMail(Invitation Invitation, string Token, string? Name, string? CoopCode, string? CoopName);

/// <summary>
/// Queues the mail of each new or renewed invitation inside the transaction that creates or renews it. Invitations are
/// critical mail (always sent) and written in the desk's language, pt-BR: the invited person has no preference yet.
/// </summary>
public sealed class InvitationMails(MailOutbox outbox, MailComposer composer, MailLinks links, AuditLog audit)
{
    public async Task<int> QueueAsync(
        IncidentDeskDbContext db, IReadOnlyList<InvitationToMail> invitations, string acceptPath, DateTime nowUtc, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(invitations);
        var drafts = invitations.Select(i =>
        {
            var link = links.To($"{acceptPath}?token={Uri.EscapeDataString(i.Token)}");
            var content = composer.Invitation(MailCultures.Portuguese,
                new InvitationMail(i.Invitation.Role, i.CoopCode, i.CoopName, link, i.Invitation.ExpiresAtUtc, i.Name));
            // One mail per invitation and validity period: a renewal (new link) is a new mail, a retry is not.
            var period = i.Invitation.ExpiresAtUtc.Ticks.ToString(CultureInfo.InvariantCulture);
            return new MailDraft(MailKind.Invitation, i.Invitation.Email, i.Name, null, i.Invitation.CoopId,
                MailKeys.For(i.Invitation.Email, MailKind.Invitation, $"invitation:{i.Invitation.Id}", period), MailCultures.Portuguese, content);
        }).ToList();
        var rows = await outbox.AddAsync(db, drafts, nowUtc, cancellationToken);
        if (rows.Count > 0)
        {
            await audit.SaveChangesAsync(db, new AuditRecord(LaunchNotices.QueuedAction, nameof(Invitation),
                invitations.Count == 1 ? invitations[0].Invitation.Id.ToString(CultureInfo.InvariantCulture) : null,
                JsonSerializer.Serialize(new { Kind = nameof(MailKind.Invitation), Queued = rows.Count })), cancellationToken: cancellationToken);
        }

        return rows.Count;
    }

    public void Wake() => outbox.Wake();
}
