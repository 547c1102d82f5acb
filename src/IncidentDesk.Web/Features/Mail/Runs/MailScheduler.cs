using System.Text.Json;
using IncidentDesk.Core.Common;
using IncidentDesk.Core.Mail;
using IncidentDesk.Data;
using IncidentDesk.Data.Audit;
using IncidentDesk.Web.Features.Mail.Sending;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IncidentDesk.Web.Features.Mail.Runs;

/// <summary>
/// Starts the day's runs once the run hour has passed in Brasília on a business day (reminders and digests, deadline
/// alerts), and erases mail bodies past the retention period. Every instance checks each minute; the run's unique row makes
/// exactly one of them do it.
/// </summary>
public sealed class MailScheduler(
    IServiceScopeFactory scopes, IOptions<MailOptions> options, TimeProvider time, ILogger<MailScheduler> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.ScheduleEnabled)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await TickAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e) when (e is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
            {
                MailLogMessages.RunFailed(log, e);
            }

            try
            {
                await Task.Delay(TimeSpan.FromMinutes(1), time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    internal async Task TickAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var today = Brasilia.Day(now);
        await using var scope = scopes.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        if (now >= ReminderPlan.RunAtUtc(today, options.Value.RunHour))
        {
            await sp.GetRequiredService<DeadlineAlertRun>().RunAsync(today, now, cancellationToken);
            await sp.GetRequiredService<ReminderRun>().RunAsync(today, now, cancellationToken);
        }

        await sp.GetRequiredService<MailRetention>().EraseAsync(now, cancellationToken);
    }
}

/// <summary>
/// Mail bodies hold addresses and links: past <see cref="MailOptions.RetentionDays"/> they are erased (sent, failed and
/// discarded mails; queued ones still need theirs). The log line — kind, recipient, state, answers — stays.
/// </summary>
public sealed class MailRetention(FederationWideDb federationDb, AuditTrail trail, IOptions<MailOptions> options)
{
    public const string ErasedAction = "Mail.BodiesErased";

    public async Task<int> EraseAsync(DateTime nowUtc, CancellationToken cancellationToken = default)
    {
        var before = nowUtc.AddDays(-options.Value.RetentionDays);
        // Background work on nobody's behalf: retention covers every co-op's mail.
        await using var db = federationDb.CreateDbContext();
        var rows = await db.OutboxMails.Where(m => m.CreatedAtUtc < before && m.TextBody != null
                && (m.State == MailState.Sent || m.State == MailState.Failed || m.State == MailState.Discarded))
            .OrderBy(m => m.Id).Take(1000).ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            return 0;
        }

        foreach (var row in rows)
        {
            SendRecorder.Erase(row, nowUtc);
        }

        await trail.SaveChangesAsync(db, SendRecorder.Actor, new AuditRecord(ErasedAction, nameof(OutboxMail), null,
            JsonSerializer.Serialize(new { Count = rows.Count, Before = before, options.Value.RetentionDays })), cancellationToken);
        return rows.Count;
    }
}
