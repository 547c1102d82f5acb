using IncidentDesk.Core.Compliance;
using IncidentDesk.Core.Mail;

namespace IncidentDesk.Web.Features.Mail;

/// <summary>A mail to queue: who gets it, why (its de-duplication key), in which language, and what it says.</summary>
public sealed record MailDraft(
    MailKind Kind, string ToAddress, string? ToName, string? RecipientUserId, int? CoopId, string DedupKey, string Culture, MailContent Content);

/// <summary>Someone the desk mails: an account (with its preferences) or a co-op's encarregado (no account).</summary>
public sealed record MailRecipient(string? UserId, string Address, string Name, MailDelivery Delivery, string Culture, int? CoopId = null);

public sealed record InvitationMail(string Role, string? CoopCode, string? CoopName, string Link, DateTime ExpiresAtUtc, string? Name = null);

public sealed record NoticeTask(string Title, DateTime DueAtUtc);

public sealed record CampaignNoticeMail(
    string CoopCode, string CoopName, string IncidentReference, string IncidentTitle, string CampaignTitle, IReadOnlyList<NoticeTask> Tasks);

public sealed record LiaisonDigestMail(string CoopCode, string CoopName, DateOnly Day, DateOnly NextBusinessDay, CoopReminder Reminder);

public sealed record EscalationMail(string CoopCode, string CoopName, int AfterBusinessDays, bool HasLiaison, IReadOnlyList<DigestTask> Tasks);

/// <summary>One campaign's late co-ops in the officers' digest.</summary>
public sealed record OverdueCampaign(int IncidentId, string IncidentReference, string CampaignTitle, IReadOnlyList<OverdueCoopLine> Coops);

public sealed record OverdueCoopLine(string CoopCode, string CoopName, int OverdueTasks, bool Reachable);

public sealed record DeadlineAlertMail(Core.Mail.DeadlineAlert Alert);

/// <summary>Languages mail is written in; anything else falls back to the desk's, pt-BR.</summary>
public static class MailCultures
{
    public const string Portuguese = "pt-BR";
    public const string English = "en-US";

    public static string Resolve(string? culture) => culture == English ? English : Portuguese;

    public static string DeadlineLabelKey(DeadlineKind kind) => $"Alert.Kind.{kind}";
}
