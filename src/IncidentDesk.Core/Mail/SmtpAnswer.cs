namespace IncidentDesk.Core.Mail;

/// <summary>What a failed attempt means for the next one.</summary>
public enum SendFailure
{
    /// <summary>4xx, connection refused or dropped, a timeout: the same mail may well go through later.</summary>
    Transient,

    /// <summary>5xx: the server refused this mail; trying again would be refused again.</summary>
    Permanent,
}

/// <summary>
/// SMTP reply codes read as RFC 5321 §4.2.1 does: 2xx accepted, 4xx transient ("try again later"), 5xx permanent. And the
/// back-off between attempts: doubling from a base, capped, so a server down for an hour is not hammered.
/// </summary>
public static class SmtpAnswer
{
    public static SendFailure Classify(int replyCode) => replyCode is >= 500 and < 600 ? SendFailure.Permanent : SendFailure.Transient;

    /// <summary>When the attempt after <paramref name="attempts"/> failed attempts may start.</summary>
    public static DateTime NextAttempt(DateTime nowUtc, int attempts, TimeSpan first, TimeSpan cap)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempts, 1);
        var factor = Math.Pow(2, Math.Min(attempts - 1, 20));
        var wait = TimeSpan.FromTicks((long)Math.Min(first.Ticks * factor, cap.Ticks));
        return nowUtc + wait;
    }

    /// <summary>An answer as the mail log keeps it: one line, bounded.</summary>
    public static string Describe(int? replyCode, string? text)
    {
        var line = (text ?? "").ReplaceLineEndings(" ").Trim();
        var answer = replyCode is { } code ? $"{code} {line}".Trim() : line;
        return answer.Length <= OutboxMail.AnswerMax ? answer : answer[..OutboxMail.AnswerMax];
    }
}
