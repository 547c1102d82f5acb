using System.Security.Cryptography;
using System.Text;
using IncidentDesk.Core.Mail;
using IncidentDesk.Data;
using IncidentDesk.Data.Mail;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit.Utils;

namespace IncidentDesk.Web.Features.Mail;

/// <summary>
/// Puts mail into the outbox inside the caller's transaction — the invitation, launch or reminder run that causes it — so a
/// mail exists exactly when its cause was committed. Rows whose de-duplication key is already there are left out (a rerun
/// queues nothing twice); a campaign notice identical to one queued within the hold window is queued as held, for an
/// officer to confirm; addresses are checked and names and subjects flattened so no header can be injected.
/// </summary>
public sealed class MailOutbox(
    IOptions<MailOptions> options, MailLinks links, IDataProtectionProvider protection, OutboxSignal signal, ILogger<MailOutbox> log)
{
    private readonly IDataProtector _unsubscribe = protection.CreateProtector(UnsubscribePurpose);

    public const string UnsubscribePurpose = "IncidentDesk.Mail.Unsubscribe";

    /// <summary>
    /// Writes the drafts' rows into the caller's audited transaction (the caller seals them with its audit entry); returns
    /// the rows written.
    /// </summary>
    public async Task<IReadOnlyList<OutboxMail>> AddAsync(
        IncidentDeskDbContext db, IReadOnlyList<MailDraft> drafts, DateTime nowUtc, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(drafts);
        var rows = new List<OutboxMail>(drafts.Count);
        foreach (var draft in drafts)
        {
            if (ToRow(draft, nowUtc) is { } row)
            {
                rows.Add(row);
            }
        }

        var keys = rows.Select(r => r.DedupKey).ToList();
        var existing = keys.Count == 0 ? [] : (await db.OutboxMails.AsNoTracking()
            .Where(m => keys.Contains(m.DedupKey)).Select(m => m.DedupKey).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        rows = [.. rows.Where(r => !existing.Contains(r.DedupKey)).DistinctBy(r => r.DedupKey, StringComparer.Ordinal)];
        await HoldRepeatedNoticesAsync(db, rows, nowUtc, cancellationToken);
        await OutboxBulkInsert.InsertAsync(db, rows, cancellationToken);
        return rows;
    }

    /// <summary>Tells this instance's sender that committed rows are waiting (others find them at their next poll).</summary>
    public void Wake() => signal.Wake();

    /// <summary>The person an unsubscribe token names; null for a forged, foreign or damaged one.</summary>
    public string? UserOfUnsubscribeToken(string? token)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 1000)
        {
            return null;
        }

        try
        {
            return _unsubscribe.Unprotect(token);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }

    public string UnsubscribeToken(string userId) => _unsubscribe.Protect(userId);

    private OutboxMail? ToRow(MailDraft draft, DateTime nowUtc)
    {
        var address = MailHeaderText.Address(draft.ToAddress);
        if (address is null)
        {
            MailLogMessages.NotQueued(log, draft.Kind);
            return null;
        }

        var subject = MailHeaderText.Flatten(draft.Content.Subject, OutboxMail.SubjectMax);
        var critical = MailKinds.IsCritical(draft.Kind);
        return new OutboxMail
        {
            Kind = draft.Kind,
            State = MailState.Queued,
            DedupKey = draft.DedupKey.Length <= OutboxMail.KeyMax ? draft.DedupKey : Hash(draft.DedupKey),
            MessageId = MimeUtils.GenerateMessageId(options.Value.FromMailbox.Domain is { Length: > 0 } domain ? domain : "incidentdesk.local"),
            ToAddress = address,
            ToName = MailHeaderText.Flatten(draft.ToName, OutboxMail.NameMax) is { Length: > 0 } name ? name : null,
            RecipientUserId = draft.RecipientUserId,
            CoopId = draft.CoopId,
            Subject = subject,
            TextBody = draft.Content.Text,
            HtmlBody = draft.Content.Html,
            UnsubscribeUrl = critical || draft.RecipientUserId is null
                ? null
                : links.To($"/mail/unsubscribe?token={Uri.EscapeDataString(UnsubscribeToken(draft.RecipientUserId))}"),
            Fingerprint = Hash($"{address}\n{draft.Kind}\n{subject}\n{draft.Content.Text}"),
            Culture = MailCultures.Resolve(draft.Culture),
            CreatedAtUtc = nowUtc,
            NextAttemptAtUtc = nowUtc,
        };
    }

    /// <summary>
    /// A second identical campaign notice within the hold window (a launch repeated by mistake) waits for an officer, so a
    /// slip cannot mail 340 co-ops twice.
    /// </summary>
    private async Task HoldRepeatedNoticesAsync(IncidentDeskDbContext db, List<OutboxMail> rows, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var notices = rows.Where(r => r.Kind == MailKind.CampaignNotice).ToList();
        if (notices.Count == 0)
        {
            return;
        }

        var since = nowUtc - TimeSpan.FromMinutes(options.Value.HoldMinutes);
        var fingerprints = notices.Select(n => n.Fingerprint).Distinct().ToList();
        var seen = (await db.OutboxMails.AsNoTracking()
            .Where(m => m.Kind == MailKind.CampaignNotice && m.CreatedAtUtc > since && m.State != MailState.Discarded
                && fingerprints.Contains(m.Fingerprint))
            .Select(m => m.Fingerprint).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        foreach (var notice in notices.Where(n => seen.Contains(n.Fingerprint)))
        {
            notice.State = MailState.Held;
        }
    }

    private static string Hash(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));
}

/// <summary>Wakes this instance's sender when rows were committed, so a mail leaves within moments instead of at the next poll.</summary>
public sealed class OutboxSignal : IDisposable
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Wake()
    {
        try
        {
            if (_signal.CurrentCount == 0)
            {
                _signal.Release();
            }
        }
        catch (SemaphoreFullException)
        {
            // Already signalled: the sender will look once, which is enough.
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);

    public void Dispose() => _signal.Dispose();
}
