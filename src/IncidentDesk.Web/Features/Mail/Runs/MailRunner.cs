using System.Text.Json;
using IncidentDesk.Core.Mail;
using IncidentDesk.Data;
using IncidentDesk.Data.Audit;
using Microsoft.EntityFrameworkCore;

namespace IncidentDesk.Web.Features.Mail.Runs;

/// <summary>What a scheduled run did: how many mails of each kind it queued, or that the day had run already.</summary>
public sealed record RunReport(DateOnly Day, bool AlreadyRan, IReadOnlyDictionary<MailKind, int> Queued)
{
    public int Total => Queued.Values.Sum();

    public int Of(MailKind kind) => Queued.GetValueOrDefault(kind);
}

/// <summary>
/// Runs one scheduled mail run of one day in one audited transaction, as <c>system:mail</c>: the run's row (unique per kind
/// and day, so a second instance or a restart finds it done), the mails it composes and one audit entry with the counts.
/// Writers on the audit chain queue one after another (an advisory lock on PostgreSQL), so two instances starting the same
/// run at once cannot both pass the "not yet run" check.
/// </summary>
public sealed class MailRunner(FederationWideDb federationDb, AuditTrail trail, MailOutbox outbox)
{
    public static readonly AuditActor Actor = Sending.SendRecorder.Actor;

    public async Task<RunReport> RunAsync(
        string kind, DateOnly day, DateTime nowUtc, Func<IncidentDeskDbContext, Task<IReadOnlyList<MailDraft>>> compose,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(compose);
        // Background work on nobody's behalf: a run reads every co-op's tasks and deadlines.
        await using var db = federationDb.CreateDbContext();
        await using var transaction = await trail.BeginTransactionAsync(db, cancellationToken);
        if (await db.MailRuns.AnyAsync(r => r.Kind == kind && r.Day == day, cancellationToken))
        {
            return new RunReport(day, AlreadyRan: true, new Dictionary<MailKind, int>());
        }

        var drafts = await compose(db);
        var rows = await outbox.AddAsync(db, drafts, nowUtc, cancellationToken);
        var queued = rows.GroupBy(r => r.Kind).ToDictionary(g => g.Key, g => g.Count());
        db.MailRuns.Add(new MailRun { Kind = kind, Day = day, RanAtUtc = nowUtc, Queued = rows.Count });
        await trail.SaveChangesAsync(db, Actor, new AuditRecord($"Mail.Run.{kind}", nameof(MailRun), MailKeys.Day(day),
            JsonSerializer.Serialize(queued.ToDictionary(q => q.Key.ToString(), q => q.Value))), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (rows.Count > 0)
        {
            outbox.Wake();
        }

        return new RunReport(day, AlreadyRan: false, queued);
    }
}
