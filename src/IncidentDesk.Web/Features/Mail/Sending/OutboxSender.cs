using IncidentDesk.Core.Mail;
using IncidentDesk.Data;
using IncidentDesk.Data.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IncidentDesk.Web.Features.Mail.Sending;

/// <summary>
/// The background sender: claims due outbox rows (a lease no other instance can take), sends them over one connection per
/// batch, records each attempt. Woken at once by a commit on this instance, otherwise every poll interval. Rate limits: at
/// most <see cref="MailOptions.GlobalPerMinute"/> mails a minute from the whole desk and
/// <see cref="MailOptions.PerRecipientPerHour"/> to one address an hour; what is over waits, it is not dropped.
/// </summary>
public sealed class OutboxSender(
    FederationWideDb federationDb, MailTransport transport, SendRecorder recorder, OutboxSignal signal,
    IOptions<MailOptions> options, TimeProvider time, ILogger<OutboxSender> log) : BackgroundService
{
    // Names this instance in the leases it writes (host and process; each claim adds a fresh id).
    private readonly string _instance = Shorten($"{Environment.MachineName}:{Environment.ProcessId}");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.SendEnabled)
        {
            return;
        }

        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            var more = false;
            try
            {
                more = await SendBatchAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e) when (e is DbUpdateException or InvalidOperationException or IOException or System.Data.Common.DbException)
            {
                MailLogMessages.SenderFailed(log, e);
            }

            if (!more)
            {
                try
                {
                    await signal.WaitAsync(TimeSpan.FromSeconds(options.Value.PollSeconds), stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }
    }

    /// <summary>One batch; true when a full batch was claimed (more may be waiting).</summary>
    internal async Task<bool> SendBatchAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        var now = time.GetUtcNow().UtcDateTime;
        // Background work on nobody's behalf: the sender reads and writes every co-op's mail rows.
        await using var db = federationDb.CreateDbContext();
        var minuteAgo = now.AddMinutes(-1);
        var budget = o.GlobalPerMinute - await db.OutboxMails.CountAsync(m => m.SentAtUtc > minuteAgo, cancellationToken);
        var limit = Math.Min(o.BatchSize, budget);
        if (limit <= 0)
        {
            return false;
        }

        var owner = $"{_instance}:{Guid.NewGuid():N}";
        var claimed = await OutboxLeases.ClaimAsync(db, owner, now, now.AddSeconds(o.LeaseSeconds), limit, cancellationToken);
        if (claimed.Count == 0)
        {
            return false;
        }

        var (sendable, waiting) = await ApplyRecipientLimitAsync(db, claimed, now, cancellationToken);
        await OutboxLeases.ReleaseAsync(db, owner, [.. waiting.Select(m => m.Id)], now.AddMinutes(5), cancellationToken);
        var from = o.FromMailbox;
        await using (var session = transport.Open())
        {
            for (var i = 0; i < sendable.Count; i++)
            {
                if (cancellationToken.IsCancellationRequested)
                {
                    // Stopping: what was not tried goes back at once, for this instance after restart or another one.
                    await OutboxLeases.ReleaseAsync(db, owner, [.. sendable.Skip(i).Select(m => m.Id)], now, CancellationToken.None);
                    break;
                }

                var mail = sendable[i];
                var outcome = mail.HasBody
                    ? await session.SendAsync(MimeMessages.Build(mail, from), cancellationToken)
                    : new SendOutcome(SendFailure.Permanent, "body erased (retention)");
                await recorder.RecordAsync(mail.Id, owner, outcome, time.GetUtcNow().UtcDateTime, CancellationToken.None);
            }
        }

        return claimed.Count == limit;
    }

    private static string Shorten(string value) => value.Length <= 60 ? value : value[..60];

    private async Task<(List<OutboxMail> Sendable, List<OutboxMail> Waiting)> ApplyRecipientLimitAsync(
        IncidentDeskDbContext db, IReadOnlyList<OutboxMail> claimed, DateTime now, CancellationToken cancellationToken)
    {
        var hourAgo = now.AddHours(-1);
        var recipients = claimed.Select(m => m.ToAddress).Distinct().ToList();
        var sent = await db.OutboxMails.Where(m => m.SentAtUtc > hourAgo && recipients.Contains(m.ToAddress))
            .GroupBy(m => m.ToAddress).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, StringComparer.Ordinal, cancellationToken);
        List<OutboxMail> sendable = [], waiting = [];
        foreach (var mail in claimed)
        {
            var count = sent.GetValueOrDefault(mail.ToAddress);
            if (count >= options.Value.PerRecipientPerHour && !MailKinds.IsCritical(mail.Kind))
            {
                waiting.Add(mail);
                continue;
            }

            sent[mail.ToAddress] = count + 1;
            sendable.Add(mail);
        }

        if (waiting.Count > 0)
        {
            MailLogMessages.RecipientLimit(log, waiting.Count, options.Value.PerRecipientPerHour);
        }

        return (sendable, waiting);
    }
}
