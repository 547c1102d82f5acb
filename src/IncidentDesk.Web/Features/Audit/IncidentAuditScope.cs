using System.Globalization;
using IncidentDesk.Core.Audit;
using IncidentDesk.Core.Campaigns;
using IncidentDesk.Core.Compliance.Assessment;
using IncidentDesk.Core.Compliance.Drafts;
using IncidentDesk.Core.Incidents;
using IncidentDesk.Core.Timeline;
using IncidentDesk.Data;
using Microsoft.EntityFrameworkCore;

namespace IncidentDesk.Web.Features.Audit;

/// <summary>
/// Which audit entries belong to one incident. Entries name their entity (type + id), not the incident, so a
/// child's entries are found through the child's id: the live children's ids by subqueries on their tables (a campaign
/// of 340 co-ops has thousands of tasks: they never leave the database), and those of children deleted since from the
/// <c>"IncidentId":N</c> their creation and deletion entries captured.
/// </summary>
internal static class IncidentAuditScope
{
    /// <summary>The entity types whose rows carry the incident's id. A new child table adds its type here and below.</summary>
    public static readonly IReadOnlyList<string> ChildTypes =
    [
        nameof(KeyFigure), nameof(CoopInvolvement), nameof(TimelineEvent), nameof(Evidence), nameof(Campaign),
        nameof(RelevanceAssessment), nameof(DraftVersion), nameof(CommunicationFiling),
    ];

    public static async Task<IQueryable<AuditEntry>> ApplyAsync(
        IncidentDeskDbContext db, IQueryable<AuditEntry> entries, int incidentId, CancellationToken cancellationToken)
    {
        var id = incidentId.ToString(CultureInfo.InvariantCulture);

        // The audit payload is System.Text.Json of a dictionary: "IncidentId":12 followed by "," or "}" (never 120).
        var types = ChildTypes.ToList();
        var followedByComma = $"%\"IncidentId\":{id},%";
        var followedByBrace = $"%\"IncidentId\":{id}}}%";
        var deleted = await db.AuditEntries.AsNoTracking()
            .Where(e => e.EntityType != null && types.Contains(e.EntityType) && e.EntityId != null
                && (EF.Functions.Like(e.Changes!, followedByComma) || EF.Functions.Like(e.Changes!, followedByBrace)))
            .Select(e => e.EntityType + "#" + e.EntityId)
            .Distinct()
            .ToListAsync(cancellationToken);

        // Each Select(x => x.Id.ToString()) is SQL (a cast to text), never .NET formatting: no culture is involved.
#pragma warning disable CA1305
        var figures = db.KeyFigures.Where(f => f.IncidentId == incidentId).Select(f => f.Id.ToString());
        var involvements = db.CoopInvolvements.Where(v => v.IncidentId == incidentId).Select(v => v.Id.ToString());
        var events = db.TimelineEvents.Where(e => e.IncidentId == incidentId).Select(e => e.Id.ToString());
        var evidence = db.Evidence.Where(e => e.IncidentId == incidentId).Select(e => e.Id.ToString());
        var campaignIds = db.Campaigns.Where(c => c.IncidentId == incidentId).Select(c => c.Id);
        var campaigns = campaignIds.Select(c => c.ToString());
        var tasks = db.CoopTasks.Where(t => campaignIds.Contains(t.CampaignId)).Select(t => t.Id.ToString());
        var assessments = db.RelevanceAssessments.Where(a => a.IncidentId == incidentId).Select(a => a.Id.ToString());
        var drafts = db.DraftVersions.Where(d => d.IncidentId == incidentId).Select(d => d.Id.ToString());
        var filings = db.CommunicationFilings.Where(f => f.IncidentId == incidentId).Select(f => f.Id.ToString());
#pragma warning restore CA1305

        return entries.Where(e => e.EntityId != null && (
            (e.EntityType == nameof(Incident) && e.EntityId == id)
            || (e.EntityType == nameof(KeyFigure) && figures.Contains(e.EntityId))
            || (e.EntityType == nameof(CoopInvolvement) && involvements.Contains(e.EntityId))
            || (e.EntityType == nameof(TimelineEvent) && events.Contains(e.EntityId))
            || (e.EntityType == nameof(Evidence) && evidence.Contains(e.EntityId))
            || (e.EntityType == nameof(Campaign) && campaigns.Contains(e.EntityId))
            || (e.EntityType == nameof(CoopTask) && tasks.Contains(e.EntityId))
            || (e.EntityType == nameof(RelevanceAssessment) && assessments.Contains(e.EntityId))
            || (e.EntityType == nameof(DraftVersion) && drafts.Contains(e.EntityId))
            || (e.EntityType == nameof(CommunicationFiling) && filings.Contains(e.EntityId))
            || deleted.Contains(e.EntityType + "#" + e.EntityId)));
    }
}
