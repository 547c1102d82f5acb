using IncidentDesk.Core.Incidents;
using IncidentDesk.Data;
using IncidentDesk.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace IncidentDesk.Web.Features.Incidents;

/// <summary>Which incidents a person may read at all; every incident read (pages, API, exports, evidence) starts here.</summary>
internal static class IncidentScope
{
    /// <summary>
    /// Officers and auditors read every incident. A liaison reads those their co-op takes part in: involved in it, or asked
    /// by a campaign to answer tasks about it (the 337 co-ops that must confirm they are not affected need the shared
    /// facts to answer). Everyone else reads nothing.
    /// </summary>
    public static IQueryable<Incident> VisibleIncidents(this IncidentDeskDbContext db, CurrentUser user)
    {
        var incidents = db.Incidents.AsNoTracking();
        if (user.SeesAllCoops)
        {
            return incidents;
        }

        if (!user.IsLiaison || user.CoopId is not { } coopId)
        {
            return incidents.Where(_ => false);
        }

        return incidents.Where(i => i.Involvements.Any(v => v.CoopId == coopId)
            || db.Campaigns.Any(c => c.IncidentId == i.Id && db.CoopTasks.Any(t => t.CampaignId == c.Id && t.CoopId == coopId)));
    }
}
