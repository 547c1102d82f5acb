using IncidentDesk.Core.Compliance;
using IncidentDesk.Core.Compliance.Drafts;
using IncidentDesk.Core.Incidents;
using IncidentDesk.Data;
using IncidentDesk.Web.Features.Compliance;
using IncidentDesk.Web.Features.Incidents.Timeline;
using IncidentDesk.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace IncidentDesk.Web.Features.Notifications;

/// <summary>
/// Maps what the desk records about an incident onto <see cref="DraftFacts"/> for one controller co-op. What nobody has
/// recorded yet stays unknown and becomes a completeness item. What the caller may read is the query filters' decision; the
/// timeline is read through <see cref="TimelineService"/> like every other reader of it.
/// </summary>
internal static class DraftFactsReader
{
    public static async Task<(DraftFacts Facts, DraftCoop Coop)?> ReadAsync(
        IncidentDeskDbContext db, CurrentUser user, int incidentId, int coopId, DateTime nowUtc, BusinessCalendar calendar,
        ICommunicationFilings filings, TimelineService timelines, CancellationToken ct)
    {
        var incident = await db.Incidents.AsNoTracking().Where(i => i.Id == incidentId).FirstOrDefaultAsync(ct);
        var controller = incident is null ? null : await db.CoopInvolvements.AsNoTracking().Include(v => v.Coop)
            .Where(v => v.IncidentId == incidentId && v.CoopId == coopId && v.Role == InvolvementRole.ControllerAffected)
            .FirstOrDefaultAsync(ct);
        if (incident is null || controller?.Coop is not { } coop)
        {
            return null;
        }

        var operators = await db.CoopInvolvements.AsNoTracking()
            .Where(v => v.IncidentId == incidentId && v.Role == InvolvementRole.Operator)
            .OrderBy(v => v.Coop!.Code).Select(v => v.Coop!.Name).ToListAsync(ct);
        var figures = await db.KeyFigures.AsNoTracking().Where(f => f.IncidentId == incidentId).OrderBy(f => f.SortOrder)
            .Select(f => new DraftFigure(f.Label, f.Value, f.Unit, f.Status, f.Source, f.AsOf, f.Note)).ToListAsync(ct);
        // Every kind: the handling report shows the desk's own record too. Communications made come from the filings, not from here.
        var timeline = ((await timelines.ListAsync(incidentId, cancellationToken: ct))?.Items ?? [])
            .Select(e => new DraftTimelineItem(e.OccurredAtUtc, e.Precision, e.Title, e.Description, e.Source, e.Kind)).ToList();
        var tasks = await TasksAsync(db, incidentId, coopId, ct);
        var filingRows = await db.CommunicationFilings.AsNoTracking()
            .Where(f => f.IncidentId == incidentId && f.CoopId == coopId).OrderBy(f => f.FiledAtUtc).ThenBy(f => f.Id)
            .Select(f => new DraftFiling(f.Kind, f.Protocol, f.FiledAtUtc)).ToListAsync(ct);
        var assessment = await db.RelevanceAssessments.AsNoTracking()
            .Where(a => a.IncidentId == incidentId && a.CoopId == coopId).OrderByDescending(a => a.Version)
            .Select(a => new DraftAssessment(a.Version, a.SignificantEffect, a.Harms, a.Criteria, a.DataUnintelligible, a.Rationale,
                a.Result, a.AssessedAtUtc, a.AssessedBy))
            .FirstOrDefaultAsync(ct);

        var filed = await filings.FiledAtAsync(incidentId, [coopId], ct);
        DateTime? filedAt = filed.TryGetValue(coopId, out var at) ? at : null;
        var knowledge = controller.KnowledgeAtUtc == default ? (DateTime?)null : controller.KnowledgeAtUtc;
        var deadlines = knowledge is { } k ? LgpdDeadlines.For(k, coop.IsSmallProcessingAgent, calendar, filedAt) : [];
        var anpd = deadlines.FirstOrDefault(d => d.Kind == DeadlineKind.AnpdCommunication);
        // Late against the working (strict) deadline the desk plans against: past it, the reasons must be written
        // (R15 art. 6 §2 V) — better a justification that turns out unneeded than a late filing without one.
        var late = anpd is not null && (filedAt ?? nowUtc) >= anpd.WorkingEndsAtUtc;

        var facts = new DraftFacts
        {
            Reference = incident.Reference,
            Title = incident.Title,
            Summary = incident.Summary,
            Controller = new DraftController(coop.Code, coop.Name, coop.Cnpj, coop.Uf, coop.EncarregadoName, coop.EncarregadoEmail,
                coop.EncarregadoPhone, coop.IsSmallProcessingAgent),
            Notifier = user.Name,
            Source = incident.Source,
            ReporterName = incident.ReporterName,
            ReporterOrganisation = incident.ReporterOrganisation,
            DiscoveredAtUtc = incident.DiscoveredAtUtc,
            DiscoveredAtPrecision = incident.DiscoveredAtPrecision,
            KnowledgeAtUtc = knowledge,
            AffectedSystems = incident.AffectedSystems,
            DataCategories = incident.DataCategories,
            SubjectCategories = incident.DataSubjectCategories,
            IncidentType = incident.Type,
            Impact = incident.Impact,
            MeasuresBefore = incident.MeasuresBefore,
            Operators = operators,
            Figures = figures,
            Timeline = timeline,
            Tasks = tasks,
            Deadlines = deadlines,
            FilingLate = late,
            DelayReasons = controller.DelayReasons,
            Filings = filingRows,
            Assessment = assessment,
            GeneratedAtUtc = nowUtc,
        };
        return (facts, new DraftCoop(coop.Id, coop.Code, coop.Name));
    }

    private static async Task<IReadOnlyList<DraftTask>> TasksAsync(IncidentDeskDbContext db, int incidentId, int coopId, CancellationToken ct)
    {
        var rows = await db.CoopTasks.AsNoTracking()
            // A cancelled campaign was a mistake: none of its tasks (withdrawn or answered) is a measure to report.
            .Where(t => t.CoopId == coopId && db.Campaigns.Any(c => c.Id == t.CampaignId && c.IncidentId == incidentId && c.CancelledAtUtc == null))
            .Select(t => new
            {
                t.Id, Campaign = db.Campaigns.Where(c => c.Id == t.CampaignId).Select(c => c.Title).First(),
                t.CampaignTask!.Order, t.CampaignTask.Title, t.Status, t.Answer, t.Note, t.UpdatedAtUtc,
            })
            .ToListAsync(ct);
        var ids = rows.Select(r => (int?)r.Id).ToList();
        var evidence = (await db.Evidence.AsNoTracking().Where(e => ids.Contains(e.CoopTaskId))
            .Select(e => new { e.CoopTaskId, e.Id, Item = new DraftEvidence(e.Title, e.FileName, e.Sha256, e.Url) }).ToListAsync(ct))
            .OrderBy(e => e.Id).ToLookup(e => e.CoopTaskId!.Value, e => e.Item);
        return [.. rows.OrderBy(r => r.Campaign, StringComparer.Ordinal).ThenBy(r => r.Order)
            .Select(r => new DraftTask(r.Campaign, r.Title, r.Status, r.Answer, r.Note, r.UpdatedAtUtc, [.. evidence[r.Id]]))];
    }
}
