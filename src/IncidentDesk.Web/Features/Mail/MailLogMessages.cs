using IncidentDesk.Core.Mail;

namespace IncidentDesk.Web.Features.Mail;

/// <summary>What the mail feature writes to the log (never a password, never a body).</summary>
internal static partial class MailLogMessages
{
    [LoggerMessage(EventId = 1801, Level = LogLevel.Warning, Message = "A {Kind} mail was not queued: its recipient address is not one plain address.")]
    public static partial void NotQueued(ILogger logger, MailKind kind);

    [LoggerMessage(EventId = 1802, Level = LogLevel.Error, Message = "The mail sender could not work through the outbox; it tries again at its next poll.")]
    public static partial void SenderFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1803, Level = LogLevel.Warning, Message = "{Count} mail(s) wait: their recipients already got {Limit} mails in the last hour.")]
    public static partial void RecipientLimit(ILogger logger, int count, int limit);

    [LoggerMessage(EventId = 1804, Level = LogLevel.Warning, Message = "Outbox mail {Id}: another sender took the row over before this attempt was recorded.")]
    public static partial void LeaseLost(ILogger logger, int id);

    [LoggerMessage(EventId = 1805, Level = LogLevel.Warning, Message = "Outbox mail {Id} ({Kind}) failed after {Attempts} attempt(s): {Answer}")]
    public static partial void MailFailed(ILogger logger, int id, MailKind kind, int attempts, string? answer);

    [LoggerMessage(EventId = 1806, Level = LogLevel.Error, Message = "A scheduled mail run failed; it is tried again in a minute.")]
    public static partial void RunFailed(ILogger logger, Exception exception);
}
