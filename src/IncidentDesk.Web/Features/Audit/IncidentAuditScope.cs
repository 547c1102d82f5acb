using System.Globalization;
using IncidentDesk.Core.Audit;
using IncidentDesk.Core.Campaigns;
using IncidentDesk.Core.Incidents;
using IncidentDesk.Core.Timeline;
using IncidentDesk.Data;
using Microsoft.EntityFrameworkCore;

namespace IncidentDesk.Web.Features.Audit;

/// <summary>
/// Which audit entries belong to one incident. Entries name their entity (type + id), not the incident, so a
/// child's entries are found through the child's id: the live children's ids from their tables, and those of children
/// deleted since from the <c>"IncidentId":N</c> their creation and deletion entries captured.
/// </summary>
internal static class IncidentAuditScope
{
    /// <summary>The entity types that hang off an incident. A new child table adds its type here.</summary>
    public static readonly IReadOnlyList<string> ChildTypes =
        [nameof(KeyFigure), nameof(CoopInvolvement), nameof(TimelineEvent), nameof(Evidence), nameof(Campaign)];

    public static async Task<IQueryable<AuditEntry>> ApplyAsync(
        IncidentDeskDbContext db, IQueryable<AuditEntry> entries, int incidentId, CancellationToken cancellationToken)
    {
        var id = incidentId.ToString(CultureInfo.InvariantCulture);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        Add(keys, nameof(KeyFigure), await db.KeyFigures.Where(f => f.IncidentId == incidentId).Select(f => f.Id).ToListAsync(cancellationToken));
        Add(keys, nameof(CoopInvolvement), await db.CoopInvolvements.Where(v => v.IncidentId == incidentId).Select(v => v.Id).ToListAsync(cancellationToken));
        Add(keys, nameof(TimelineEvent), await db.TimelineEvents.Where(e => e.IncidentId == incidentId).Select(e => e.Id).ToListAsync(cancellationToken));
        Add(keys, nameof(Evidence), await db.Evidence.Where(e => e.IncidentId == incidentId).Select(e => e.Id).ToListAsync(cancellationToken));
        Add(keys, nameof(Campaign), await db.Campaigns.Where(c => c.IncidentId == incidentId).Select(c => c.Id).ToListAsync(cancellationToken));

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
        keys.UnionWith(deleted);

        var childKeys = keys.ToList();
        return entries.Where(e => (e.EntityType == nameof(Incident) && e.EntityId == id)
            || (e.EntityType != null && e.EntityId != null && childKeys.Contains(e.EntityType + "#" + e.EntityId)));
    }

    private static void Add(HashSet<string> keys, string type, IEnumerable<int> ids)
    {
        foreach (var childId in ids)
        {
            keys.Add($"{type}#{childId.ToString(CultureInfo.InvariantCulture)}");
        }
    }
}
