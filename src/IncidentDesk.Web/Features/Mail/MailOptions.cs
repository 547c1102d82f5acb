using MimeKit;

namespace IncidentDesk.Web.Features.Mail;

/// <summary>How the connection to the SMTP server is protected.</summary>
public enum MailSecurity
{
    /// <summary>Plain SMTP: only for a relay on the same machine or network segment.</summary>
    None,

    /// <summary>Plain connection upgraded with STARTTLS, which must succeed (port 587).</summary>
    StartTls,

    /// <summary>TLS from the first byte (port 465).</summary>
    Tls,
}

/// <summary>
/// The <c>IncidentDesk:Mail</c> section. With no <see cref="Host"/>, mail is written as <c>.eml</c> files to
/// <see cref="PickupFolder"/> and shown in the mail log: nothing to set up for a first run. The password is read from
/// configuration only: never logged, never shown.
/// </summary>
public sealed class MailOptions
{
    public const string Section = "IncidentDesk:Mail";

    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    public MailSecurity Security { get; set; } = MailSecurity.StartTls;
    public string? User { get; set; }
    public string? Password { get; set; }

    /// <summary>One RFC 5322 mailbox: <c>IncidentDesk &lt;desk@example.org&gt;</c> or a bare address.</summary>
    public string From { get; set; } = "IncidentDesk <incidentdesk@localhost>";

    /// <summary>Where mail goes when no host is configured; relative to the content root.</summary>
    public string PickupFolder { get; set; } = "data/mail";

    /// <summary>Off: nothing is sent from this instance (another instance, or nobody, sends the outbox).</summary>
    public bool SendEnabled { get; set; } = true;

    /// <summary>Off: this instance runs no reminders, deadline alerts or retention (another one does).</summary>
    public bool ScheduleEnabled { get; set; } = true;

    public int MaxAttempts { get; set; } = 8;
    public double FirstRetrySeconds { get; set; } = 60;
    public double MaxRetryMinutes { get; set; } = 60;
    public int BatchSize { get; set; } = 50;
    public double PollSeconds { get; set; } = 10;
    public double LeaseSeconds { get; set; } = 300;
    public double TimeoutSeconds { get; set; } = 30;

    /// <summary>Mails to one address per hour; more wait.</summary>
    public int PerRecipientPerHour { get; set; } = 30;

    /// <summary>Mails per minute from the whole desk; more wait.</summary>
    public int GlobalPerMinute { get; set; } = 600;

    /// <summary>A campaign notice identical to one queued this many minutes before is held for an officer to confirm.</summary>
    public double HoldMinutes { get; set; } = 60;

    /// <summary>Bodies (addresses, links) are erased this many days after queuing; the log line stays.</summary>
    public int RetentionDays { get; set; } = 90;

    /// <summary>Business days a task may be late before the co-op's encarregado is copied.</summary>
    public int EscalateAfterBusinessDays { get; set; } = 2;

    /// <summary>The Brasília hour of the daily runs (reminders, digests, deadline alerts) on business days.</summary>
    public int RunHour { get; set; } = 7;

    public bool UsesPickupFolder => string.IsNullOrWhiteSpace(Host);

    public MailboxAddress FromMailbox => MailboxAddress.Parse(From);

    /// <summary>The problems of this configuration, for the start-up check (the password is never part of a message).</summary>
    public IEnumerable<string> Problems(string? publicUrl)
    {
        if (!MailboxAddress.TryParse(From, out var from) || from.Address.Contains('\r', StringComparison.Ordinal)
            || from.Address.Contains('\n', StringComparison.Ordinal) || From.Contains(',', StringComparison.Ordinal))
        {
            yield return $"{Section}:From must be one mailbox, e.g. 'IncidentDesk <desk@example.org>'.";
        }

        if (Port is < 1 or > 65535)
        {
            yield return $"{Section}:Port must be between 1 and 65535.";
        }

        if (!UsesPickupFolder && MailLinks.ParseBase(publicUrl) is null)
        {
            yield return $"{IncidentDeskOptions.Section}:PublicUrl must be the https address people open the desk at when mail is sent " +
                "through an SMTP server (every link in a mail starts with it).";
        }

        if (!string.IsNullOrWhiteSpace(publicUrl) && MailLinks.ParseBase(publicUrl) is null)
        {
            yield return $"{IncidentDeskOptions.Section}:PublicUrl must be an absolute https address (http only on localhost).";
        }

        if (MaxAttempts < 1 || BatchSize < 1 || PerRecipientPerHour < 1 || GlobalPerMinute < 1 || RetentionDays < 1
            || EscalateAfterBusinessDays < 1 || RunHour is < 0 or > 23)
        {
            yield return $"{Section}: MaxAttempts, BatchSize, PerRecipientPerHour, GlobalPerMinute, RetentionDays and " +
                "EscalateAfterBusinessDays must be at least 1, RunHour 0–23.";
        }
    }
}
