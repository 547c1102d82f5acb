namespace IncidentDesk.Core.Mail;

/// <summary>What a mail is for. Invitations and deadline alerts are critical: always sent, whatever the person chose.</summary>
public enum MailKind
{
    Invitation = 0,
    CampaignNotice = 1,
    LiaisonDigest = 2,
    Escalation = 3,
    OfficerDigest = 4,
    DeadlineAlert = 5,
    ExposureFinding = 6,
    ReporterUpdate = 7,
}

/// <summary>Where an outbound mail stands.</summary>
public enum MailState
{
    /// <summary>Written with the change that caused it; the sender has not tried it yet.</summary>
    Queued = 0,

    /// <summary>A transient failure (4xx, refused, timeout): tried again after a back-off.</summary>
    Retrying = 1,

    /// <summary>The server accepted it (or it was written to the pickup folder).</summary>
    Sent = 2,

    /// <summary>Refused for good (5xx) or too many attempts; an officer may send it again.</summary>
    Failed = 3,

    /// <summary>A second identical campaign notice within the hold window: waits for an officer to confirm it.</summary>
    Held = 4,

    /// <summary>A held mail an officer decided not to send.</summary>
    Discarded = 5,
}

/// <summary>How a person wants non-critical mail (campaign notices, reminders, digests).</summary>
public enum MailDelivery
{
    /// <summary>Campaign notices at launch, reminders every business day.</summary>
    Immediate = 0,

    /// <summary>Everything non-critical folded into one mail per business day, new tasks included.</summary>
    DailyDigest = 1,

    /// <summary>No non-critical mail at all (what the one-click unsubscribe sets); invitations and deadline alerts still come.</summary>
    Off = 2,
}

public static class MailKinds
{
    /// <summary>
    /// Mail nobody may switch off: an invitation is the only way in, a deadline alert guards a legal clock, and the escalation
    /// goes to a co-op's encarregado, who has no account and no preference to respect.
    /// </summary>
    public static bool IsCritical(MailKind kind) => kind is MailKind.Invitation or MailKind.DeadlineAlert or MailKind.Escalation;
}

/// <summary>
/// One outbound mail, written in the same transaction as the change that causes it and sent later by the outbox sender.
/// The de-duplication key (recipient + kind + subject record + period) is unique, so a restart or a second instance never
/// queues the same reminder twice; the Message-ID is fixed at queue time, so a re-send after a crash is the same message.
/// </summary>
public sealed class OutboxMail
{
    public const int AddressMax = 254;
    public const int NameMax = 200;
    public const int SubjectMax = 300;
    public const int KeyMax = 400;
    public const int AnswerMax = 1000;

    public int Id { get; set; }
    public MailKind Kind { get; set; }
    public MailState State { get; set; }
    public required string DedupKey { get; set; }
    public required string MessageId { get; set; }

    /// <summary>The recipient's address, lower-cased (rate limits and de-duplication compare it).</summary>
    public required string ToAddress { get; set; }
    public string? ToName { get; set; }

    /// <summary>The recipient's account, when they have one (preferences, unsubscribe).</summary>
    public string? RecipientUserId { get; set; }

    /// <summary>The co-op the mail is about, if any (the mail log filters by it).</summary>
    public int? CoopId { get; set; }

    public required string Subject { get; set; }

    /// <summary>Null once erased: bodies hold addresses and links, and are kept only as long as needed.</summary>
    public string? TextBody { get; set; }
    public string? HtmlBody { get; set; }
    public DateTime? BodyErasedAtUtc { get; set; }

    /// <summary>The one-click unsubscribe address (RFC 8058) of non-critical mail; null for critical mail.</summary>
    public string? UnsubscribeUrl { get; set; }

    /// <summary>SHA-256 of recipient, kind, subject and text: two identical notices have the same one.</summary>
    public required string Fingerprint { get; set; }

    public string Culture { get; set; } = "pt-BR";
    public int Attempts { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime NextAttemptAtUtc { get; set; }
    public DateTime? LastAttemptAtUtc { get; set; }
    public DateTime? SentAtUtc { get; set; }

    /// <summary>The server's last answer ("250 2.0.0 Ok", "550 5.1.1 mailbox unknown", "connection refused").</summary>
    public string? LastAnswer { get; set; }

    /// <summary>Which sender holds the row, until when: a second instance cannot take it meanwhile.</summary>
    public string? LeaseOwner { get; set; }
    public DateTime? LeaseUntilUtc { get; set; }

    /// <summary>Optimistic concurrency: a sender whose lease was taken over cannot record over the new holder.</summary>
    public int Version { get; set; }

    public bool HasBody => TextBody is not null;
}

/// <summary>A scheduled run (reminders, deadline alerts) of one Brasília day: the unique (kind, day) makes it run once across instances.</summary>
public sealed class MailRun
{
    public int Id { get; set; }
    public required string Kind { get; set; }
    public DateOnly Day { get; set; }
    public DateTime RanAtUtc { get; set; }
    public int Queued { get; set; }
}
