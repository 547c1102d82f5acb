using System.Globalization;
using IncidentDesk.Core.Campaigns;
using IncidentDesk.Core.Common;
using IncidentDesk.Core.Compliance;
using IncidentDesk.Core.Incidents;
using IncidentDesk.Core.Mail;
using IncidentDesk.Data;
using IncidentDesk.Web.Features.Compliance;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IncidentDesk.Web.Features.Mail.Runs;

/// <summary>
/// The reminders of one business day: one digest per liaison (tasks due by the next business day and late ones, plus the
/// day's new tasks for those who chose a daily digest), the co-op's encarregado copied once tasks are late by
/// <see cref="MailOptions.EscalateAfterBusinessDays"/> business days, and one digest per officer of the late co-ops by
/// campaign. Days are business days of the desk's calendar; a run that finds nothing queues nothing.
/// </summary>
public sealed class ReminderRun(
    MailRunner runner, MailComposer composer, BusinessCalendarProvider calendars, IOptions<MailOptions> options)
{
    public const string Kind = "reminders";

    public Task<RunReport> RunAsync(DateOnly today, DateTime nowUtc, CancellationToken cancellationToken = default)
    {
        var calendar = calendars.Current;
        return !ReminderPlan.IsRunDay(today, calendar)
            ? Task.FromResult(new RunReport(today, AlreadyRan: false, new Dictionary<MailKind, int>()))
            : runner.RunAsync(Kind, today, nowUtc, db => ComposeAsync(db, today, calendar, cancellationToken), cancellationToken);
    }

    private async Task<IReadOnlyList<MailDraft>> ComposeAsync(
        IncidentDeskDbContext db, DateOnly today, BusinessCalendar calendar, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var nextBusinessDay = calendar.AddBusinessDays(today, 1, DeadlineMode.Working);
        var tasks = await TasksAsync(db, today, nextBusinessDay, calendar, o.RunHour, cancellationToken);
        var reminders = ReminderPlan.For(today, o.RunHour, tasks, calendar);
        if (reminders.Count == 0)
        {
            return [];
        }

        var coopIds = reminders.Select(r => r.CoopId).ToList();
        var coops = await db.Coops.AsNoTracking().Where(c => coopIds.Contains(c.Id))
            .Select(c => new { c.Id, c.Code, c.Name, c.EncarregadoName, c.EncarregadoEmail })
            .ToDictionaryAsync(c => c.Id, cancellationToken);
        var liaisons = await MailRecipients.LiaisonsAsync(db, coopIds, cancellationToken);
        var day = MailKeys.Day(today);
        var drafts = new List<MailDraft>();
        foreach (var reminder in reminders)
        {
            var coop = coops[reminder.CoopId];
            var coopKey = string.Create(CultureInfo.InvariantCulture, $"coop:{coop.Id}");
            foreach (var liaison in liaisons[coop.Id].Where(l => l.Delivery != MailDelivery.Off))
            {
                // Immediate readers had each launch's notice already; a daily digest carries the day's new tasks too.
                var mine = liaison.Delivery == MailDelivery.DailyDigest ? reminder : reminder with { NewTasks = [] };
                if (!mine.IsEmpty)
                {
                    drafts.Add(new MailDraft(MailKind.LiaisonDigest, liaison.Address, liaison.Name, liaison.UserId, coop.Id,
                        MailKeys.For(liaison.Address, MailKind.LiaisonDigest, coopKey, day), liaison.Culture,
                        composer.LiaisonDigest(liaison.Culture, liaison, new LiaisonDigestMail(coop.Code, coop.Name, today, nextBusinessDay, mine))));
                }
            }

            var escalated = reminder.Escalated(o.EscalateAfterBusinessDays);
            if (escalated.Count > 0 && !string.IsNullOrWhiteSpace(coop.EncarregadoEmail))
            {
                var encarregado = new MailRecipient(null, coop.EncarregadoEmail, coop.EncarregadoName, MailDelivery.Immediate, MailCultures.Portuguese, coop.Id);
                drafts.Add(new MailDraft(MailKind.Escalation, encarregado.Address, encarregado.Name, null, coop.Id,
                    MailKeys.For(encarregado.Address, MailKind.Escalation, coopKey, day), encarregado.Culture,
                    composer.Escalation(encarregado.Culture, encarregado,
                        new EscalationMail(coop.Code, coop.Name, o.EscalateAfterBusinessDays, liaisons.Contains(coop.Id), escalated))));
            }
        }

        drafts.AddRange(await OfficerDigestsAsync(db, today, reminders, coops.ToDictionary(c => c.Key, c => (c.Value.Code, c.Value.Name)),
            liaisons, cancellationToken));
        return drafts;
    }

    private async Task<IEnumerable<MailDraft>> OfficerDigestsAsync(
        IncidentDeskDbContext db, DateOnly today, IReadOnlyList<CoopReminder> reminders, Dictionary<int, (string Code, string Name)> coops,
        ILookup<int, MailRecipient> liaisons, CancellationToken cancellationToken)
    {
        var late = reminders.SelectMany(r => r.Overdue.Select(t => (r.CoopId, Task: t))).ToList();
        if (late.Count == 0)
        {
            return [];
        }

        var campaignIds = late.Select(l => l.Task.CampaignId).Distinct().ToList();
        var incidentOf = await db.Campaigns.AsNoTracking().Where(c => campaignIds.Contains(c.Id))
            .ToDictionaryAsync(c => c.Id, c => c.IncidentId, cancellationToken);
        List<OverdueCampaign> campaigns = [.. late.GroupBy(l => l.Task.CampaignId).OrderBy(g => g.First().Task.IncidentReference, StringComparer.Ordinal)
            .ThenBy(g => g.Key)
            .Select(g => new OverdueCampaign(incidentOf[g.Key], g.First().Task.IncidentReference, g.First().Task.CampaignTitle,
                [.. g.GroupBy(l => l.CoopId).Select(c => new OverdueCoopLine(coops[c.Key].Code, coops[c.Key].Name, c.Count(), liaisons.Contains(c.Key)))
                    .OrderByDescending(c => c.OverdueTasks).ThenBy(c => c.CoopCode, StringComparer.Ordinal)]))];
        var officers = await MailRecipients.OfficersAsync(db, cancellationToken);
        var day = MailKeys.Day(today);
        return officers.Where(o => o.Delivery != MailDelivery.Off).Select(o => new MailDraft(MailKind.OfficerDigest, o.Address, o.Name, o.UserId,
            null, MailKeys.For(o.Address, MailKind.OfficerDigest, "federation", day), o.Culture, composer.OfficerDigest(o.Culture, o, today, campaigns)));
    }

    /// <summary>
    /// Unfinished tasks of open incidents that are late, due by the end of the next business day, or launched since the
    /// previous run; everything else of a five-year history stays in the database.
    /// </summary>
    private static async Task<List<ReminderTask>> TasksAsync(
        IncidentDeskDbContext db, DateOnly today, DateOnly nextBusinessDay, BusinessCalendar calendar, int runHour, CancellationToken cancellationToken)
    {
        var dueBy = Brasilia.EndOfDayUtc(nextBusinessDay);
        var launchedAfter = ReminderPlan.RunAtUtc(ReminderPlan.PreviousRunDay(today, calendar), runHour);
        var rows = await (
            from t in db.CoopTasks.AsNoTracking()
            where t.Status != CoopTaskStatus.Done && t.Status != CoopTaskStatus.NotApplicable && t.Status != CoopTaskStatus.Cancelled
            join ct in db.CampaignTasks.AsNoTracking() on t.CampaignTaskId equals ct.Id
            join c in db.Campaigns.AsNoTracking() on t.CampaignId equals c.Id
            join i in db.Incidents.AsNoTracking() on c.IncidentId equals i.Id
            where i.Status != IncidentStatus.Closed && i.Status != IncidentStatus.Dismissed
            where ct.DueAtUtc <= dueBy || c.LaunchedAtUtc > launchedAfter
            select new { t.CoopId, t.CampaignId, i.Reference, CampaignTitle = c.Title, TaskTitle = ct.Title, ct.DueAtUtc, t.Status, c.LaunchedAtUtc, ct.Order })
            .ToListAsync(cancellationToken);
        return [.. rows.OrderBy(r => r.CampaignId).ThenBy(r => r.Order)
            .Select(r => new ReminderTask(r.CoopId, r.CampaignId, r.Reference, r.CampaignTitle, r.TaskTitle, r.DueAtUtc, r.Status, r.LaunchedAtUtc))];
    }
}
