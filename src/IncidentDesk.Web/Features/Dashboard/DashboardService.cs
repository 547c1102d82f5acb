using IncidentDesk.Core.Campaigns;
using IncidentDesk.Core.Compliance.Drafts;
using IncidentDesk.Core.Coops;
using IncidentDesk.Core.Incidents;
using IncidentDesk.Data;
using IncidentDesk.Web.Features.Campaigns;
using IncidentDesk.Web.Features.Campaigns.Overdue;
using IncidentDesk.Web.Features.Campaigns.Tasks;
using IncidentDesk.Web.Features.Compliance;
using IncidentDesk.Web.Features.Coops;
using IncidentDesk.Web.Features.Incidents;
using IncidentDesk.Web.Security;

using Microsoft.EntityFrameworkCore;

namespace IncidentDesk.Web.Features.Dashboard;

/// <summary>
/// The dashboard's figures, each widget one set-based read across all open incidents (never one query per incident, so
/// the page costs the same with 3 or 300 open incidents). What a liaison reads — the incidents their co-op takes part in,
/// their own co-op's deadlines and tasks, only events shared with co-ops — is the query filters' decision.
/// </summary>
public sealed class DashboardService(
    IDbContextFactory<IncidentDeskDbContext> dbFactory, CurrentUser user, TimeProvider time,
    CoopDirectoryService coops, DeadlineService deadlines, CoopTaskService tasks)
{
    public const int DeadlineCount = 10;
    public const int OverdueCoopCount = 10;
    public const int ActivityCount = 15;

    public async Task<DashboardSnapshot> CountsAsync(CancellationToken cancellationToken = default)
    {
        var (activeCoops, ufs) = await coops.CountActiveAsync(cancellationToken);
        return new DashboardSnapshot(activeCoops, ufs);
    }

    /// <summary>
    /// Every widget's data in one go. <paramref name="selectedCampaignId"/> picks the campaign of the UF tiles; when it is
    /// not (or no longer) an open campaign, the most recently launched one is shown.
    /// </summary>
    public async Task<DashboardView> GetAsync(int? selectedCampaignId = null, CancellationToken cancellationToken = default)
    {
        // The federation's widgets (campaigns, UF tiles, overdue co-ops) are officers' and auditors'; a liaison's dashboard
        // shows their own tasks instead.
        var federation = user.IsOfficerOrAuditor;
        var open = await OpenIncidentsAsync(cancellationToken);
        var next = await NextDeadlinesAsync(cancellationToken);
        var activity = await ActivityAsync(cancellationToken);
        if (!federation)
        {
            var mine = user.IsLiaison ? await tasks.MyTasksAsync(cancellationToken: cancellationToken) : [];
            return new DashboardView(false, open, next, [], null, [], [], activity, mine);
        }

        var campaigns = await CampaignProgressAsync(cancellationToken);
        var selected = campaigns.Any(c => c.CampaignId == selectedCampaignId) ? selectedCampaignId : campaigns.Count > 0 ? campaigns[0].CampaignId : null;
        var ufs = selected is { } id ? await UfCompletionAsync(id, cancellationToken) : [];
        var overdue = await MostOverdueCoopsAsync(cancellationToken);
        return new DashboardView(true, open, next, campaigns, selected, ufs, overdue, activity, []);
    }

    /// <summary>Open incidents the reader may see, counted per status and severity in SQL.</summary>
    public async Task<IReadOnlyList<IncidentCount>> OpenIncidentsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await Open(db).GroupBy(i => new { i.Status, i.Severity })
            .Select(g => new { g.Key.Status, g.Key.Severity, Count = g.Count() }).ToListAsync(cancellationToken);
        return [.. rows.Select(r => new IncidentCount(r.Status, r.Severity, r.Count)).OrderBy(r => r.Status).ThenByDescending(r => r.Severity)];
    }

    /// <summary>
    /// The most urgent deadline of each controller co-op of each open incident (a liaison: their own co-op only), soonest
    /// first. One read of the controllers; the clocks are then the DeadlineService's own rules (R15 art. 6 and 9).
    /// </summary>
    public async Task<IReadOnlyList<UpcomingDeadline>> NextDeadlinesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var openIds = Open(db).Select(i => i.Id);
        var controllers = db.CoopInvolvements.AsNoTracking()
            .Where(v => openIds.Contains(v.IncidentId) && v.Role == InvolvementRole.ControllerAffected);
        var rows = await controllers
            .Select(v => new { v.IncidentId, v.Incident!.Reference, v.CoopId, v.Coop!.Code, v.Coop.Name, v.Coop.IsSmallProcessingAgent, v.KnowledgeAtUtc })
            .ToListAsync(cancellationToken);
        // One read of the first filing of each kind per controller: a filed communication is no longer due, and the ANPD
        // filing starts the complementary-information clock (R15 art. 6 §3).
        var filings = await db.CommunicationFilings.AsNoTracking().Where(f => openIds.Contains(f.IncidentId))
            .GroupBy(f => new { f.IncidentId, f.CoopId, f.Kind })
            .Select(g => new { g.Key.IncidentId, g.Key.CoopId, g.Key.Kind, At = g.Min(f => f.FiledAtUtc) }).ToListAsync(cancellationToken);
        var filed = filings.ToDictionary(f => (f.IncidentId, f.CoopId, f.Kind), f => f.At);
        return [.. rows.Select(r =>
            {
                DateTime? anpd = filed.TryGetValue((r.IncidentId, r.CoopId, FilingKind.AnpdCommunication), out var at) ? at : null;
                var next = deadlines.Compute(r.KnowledgeAtUtc, r.IsSmallProcessingAgent, anpd)
                    .Where(d => !filed.ContainsKey((r.IncidentId, r.CoopId, DeadlineService.FilingFor(d.Kind))))
                    .OrderByDescending(d => d.Countdown.Urgency).ThenBy(d => d.Working).ThenBy(d => d.Kind).FirstOrDefault();
                return next is null ? null
                    : new UpcomingDeadline(r.IncidentId, r.Reference, r.CoopId, r.Code, r.Name, next.Kind, next.Working, next.Countdown.Urgency);
            })
            .OfType<UpcomingDeadline>()
            .OrderBy(d => d.Due).ThenByDescending(d => d.Urgency).ThenBy(d => d.IncidentReference, StringComparer.Ordinal)
            .ThenBy(d => d.CoopCode, StringComparer.Ordinal)
            .Take(DeadlineCount)];
    }

    /// <summary>Every campaign of the open incidents with finished/blocked/overdue counts; officers and auditors only.</summary>
    public async Task<IReadOnlyList<CampaignProgressRow>> CampaignProgressAsync(CancellationToken cancellationToken = default)
    {
        if (!user.IsOfficerOrAuditor)
        {
            return [];
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var openIds = Open(db).Select(i => i.Id);
        var campaigns = await (
                from c in db.Campaigns.AsNoTracking()
                // A campaign withdrawn as a mistake is no progress to follow: the incident's campaign list shows it apart.
                where c.CancelledAtUtc == null
                join i in Open(db) on c.IncidentId equals i.Id
                select new { c.Id, c.IncidentId, i.Reference, c.Title, c.LaunchedAtUtc })
            .ToListAsync(cancellationToken);
        var campaignIds = db.Campaigns.Where(c => openIds.Contains(c.IncidentId) && c.CancelledAtUtc == null).Select(c => c.Id);
        // Counted per (task, status, due) in SQL: a handful of rows per campaign whatever the number of co-ops; whether a
        // count is overdue is decided by TaskDueDate, the rule the matrix and the task cards use.
        var counts = await db.CoopTasks.AsNoTracking().Where(t => campaignIds.Contains(t.CampaignId))
            .GroupBy(t => new { t.CampaignId, t.Status, t.CampaignTask!.DueAtUtc })
            .Select(g => new { g.Key.CampaignId, g.Key.Status, g.Key.DueAtUtc, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var byCampaign = counts.ToLookup(c => c.CampaignId);
        return [.. campaigns.OrderByDescending(c => c.LaunchedAtUtc).Select(c =>
        {
            var g = byCampaign[c.Id].ToList();
            return new CampaignProgressRow(c.Id, c.IncidentId, c.Reference, c.Title,
                g.Where(x => CoopTaskStatuses.IsAnswered(x.Status)).Sum(x => x.Count),
                g.Where(x => x.Status != CoopTaskStatus.Cancelled).Sum(x => x.Count),
                g.Where(x => x.Status == CoopTaskStatus.Blocked).Sum(x => x.Count),
                g.Where(x => TaskDueDate.IsOverdue(x.Status, x.DueAtUtc, now)).Sum(x => x.Count));
        })];
    }

    /// <summary>All 27 UFs with the share of the campaign's co-op tasks finished there; officers and auditors only.</summary>
    public async Task<IReadOnlyList<UfCompletion>> UfCompletionAsync(int campaignId, CancellationToken cancellationToken = default)
    {
        if (!user.IsOfficerOrAuditor)
        {
            return [];
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await (
                from t in db.CoopTasks.AsNoTracking()
                where t.CampaignId == campaignId
                join c in db.Coops on t.CoopId equals c.Id
                select new { c.Uf, t.Status })
            .GroupBy(t => t.Uf)
            .Select(g => new
            {
                Uf = g.Key,
                Total = g.Count(t => t.Status != CoopTaskStatus.Cancelled),
                Finished = g.Count(t => t.Status == CoopTaskStatus.Done || t.Status == CoopTaskStatus.NotApplicable),
            })
            .ToDictionaryAsync(r => r.Uf, cancellationToken);
        return [.. BrazilianStates.All.Select(s => rows.TryGetValue(s.Uf, out var r)
            ? new UfCompletion(s.Uf, s.Name, r.Finished, r.Total)
            : new UfCompletion(s.Uf, s.Name, 0, 0))];
    }

    /// <summary>
    /// The co-ops with the most late unfinished tasks across the open incidents' campaigns, with whom to chase (the
    /// records OverdueCoopsList shows per campaign); officers and auditors only, never another co-op's contacts to a liaison.
    /// </summary>
    public async Task<IReadOnlyList<OverdueCoop>> MostOverdueCoopsAsync(CancellationToken cancellationToken = default)
    {
        if (!user.IsOfficerOrAuditor)
        {
            return [];
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var openIds = Open(db).Select(i => i.Id);
        var now = time.GetUtcNow().UtcDateTime;
        // Same rule as TaskDueDate.IsOverdue (due passed, neither done nor not applicable), written in SQL so only the
        // late tasks leave the database.
        var campaignIds = db.Campaigns.Where(c => openIds.Contains(c.IncidentId)).Select(c => c.Id);
        var late = await db.CoopTasks.AsNoTracking()
            .Where(t => campaignIds.Contains(t.CampaignId) && t.CampaignTask!.DueAtUtc <= now
                && t.Status != CoopTaskStatus.Done && t.Status != CoopTaskStatus.NotApplicable && t.Status != CoopTaskStatus.Cancelled)
            .GroupBy(t => t.CoopId)
            .Select(g => new { CoopId = g.Key, Count = g.Count(), Oldest = g.Min(t => t.CampaignTask!.DueAtUtc) })
            .OrderByDescending(g => g.Count).ThenBy(g => g.Oldest).Take(OverdueCoopCount)
            .ToListAsync(cancellationToken);
        var ids = late.Select(l => l.CoopId).ToList();
        var coopRows = await db.Coops.AsNoTracking().Where(c => ids.Contains(c.Id))
            .Select(c => new { c.Id, c.Code, c.Name, c.Uf, c.EncarregadoName, c.EncarregadoEmail, c.EncarregadoPhone })
            .ToDictionaryAsync(c => c.Id, cancellationToken);
        var liaisons = await LiaisonContacts.ForAsync(db, ids, cancellationToken);
        return [.. late.Select(l =>
        {
            var c = coopRows[l.CoopId];
            return new OverdueCoop(c.Id, c.Code, c.Name, c.Uf, l.Count, l.Oldest,
                new CoopContact(c.EncarregadoName, c.EncarregadoEmail, c.EncarregadoPhone),
                [.. liaisons[c.Id]]);
        })
        .OrderByDescending(c => c.OverdueTasks).ThenBy(c => c.OldestDueAtUtc).ThenBy(c => c.CoopCode, StringComparer.Ordinal)];
    }

    /// <summary>The latest timeline events of the open incidents; a liaison gets only events shared with co-ops.</summary>
    public async Task<IReadOnlyList<ActivityItem>> ActivityAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var open = Open(db);
        var events = db.TimelineEvents.AsNoTracking();
        return await (
                from e in events
                join i in open on e.IncidentId equals i.Id
                orderby e.RecordedAtUtc descending, e.Id descending
                select new ActivityItem(e.Id, i.Id, i.Reference, e.RecordedAtUtc, e.Kind, e.Title, e.RecordedBy))
            .Take(ActivityCount).ToListAsync(cancellationToken);
    }

    private static IQueryable<Incident> Open(IncidentDeskDbContext db) =>
        db.Incidents.AsNoTracking().Where(i => i.Status != IncidentStatus.Closed && i.Status != IncidentStatus.Dismissed);
}
