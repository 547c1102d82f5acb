using IncidentDesk.Core.Mail;
using MimeKit;

namespace IncidentDesk.Web.Features.Mail.Sending;

/// <summary>An outbox row as the MIME message that leaves: its fixed Message-ID, a text and an HTML part, and for non-critical mail the one-click unsubscribe headers of RFC 8058.</summary>
internal static class MimeMessages
{
    public static MimeMessage Build(OutboxMail row, MailboxAddress from)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (!row.HasBody)
        {
            throw new InvalidOperationException($"Outbox mail {row.Id} has no body any more.");
        }

        var message = new MimeMessage { Subject = MailHeaderText.Flatten(row.Subject, OutboxMail.SubjectMax), MessageId = row.MessageId, Date = row.CreatedAtUtc };
        message.From.Add(from);
        message.To.Add(new MailboxAddress(MailHeaderText.Flatten(row.ToName, OutboxMail.NameMax), row.ToAddress));
        // Automatic mail (RFC 3834): out-of-office replies and auto-forwards stay quiet.
        message.Headers.Add("Auto-Submitted", "auto-generated");
        message.Headers.Add("X-Auto-Response-Suppress", "All");
        message.Headers.Add(HeaderId.ContentLanguage, row.Culture);
        if (row.UnsubscribeUrl is { } unsubscribe)
        {
            message.Headers.Add("List-Unsubscribe", $"<{unsubscribe}>");
            message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }

        message.Body = new BodyBuilder { TextBody = row.TextBody, HtmlBody = row.HtmlBody }.ToMessageBody();
        return message;
    }
}
