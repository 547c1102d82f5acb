using IncidentDesk.Core.Campaigns;
using IncidentDesk.Data;

using Microsoft.EntityFrameworkCore;

namespace IncidentDesk.Web.Features.Campaigns;

/// <summary>
/// The campaign a launch would repeat: one of the same incident from the same playbook (without a playbook: with the same
/// title, ignoring case) that is not cancelled and still has work a co-op owes. A finished or cancelled campaign may be
/// launched again without a word; a standing one would send every co-op the same tasks twice.
/// </summary>
internal static class ActiveCampaigns
{
    public static async Task<ActiveCampaign?> RepeatedByAsync(
        IncidentDeskDbContext db, int incidentId, int? playbookId, string? title, CancellationToken cancellationToken)
    {
        var sameIncident = db.Campaigns.AsNoTracking().Where(c => c.IncidentId == incidentId && c.CancelledAtUtc == null);
        var candidates = await (playbookId is { } id ? sameIncident.Where(c => c.PlaybookId == id) : sameIncident)
            .Select(c => new { c.Id, c.Title, c.LaunchedAtUtc }).ToListAsync(cancellationToken);
        if (playbookId is null)
        {
            var wanted = title?.Trim() ?? "";
            candidates = [.. candidates.Where(c => string.Equals(c.Title.Trim(), wanted, StringComparison.OrdinalIgnoreCase))];
        }

        if (candidates.Count == 0)
        {
            return null;
        }

        var ids = candidates.Select(c => c.Id).ToList();
        var counts = await db.CoopTasks.AsNoTracking().Where(t => ids.Contains(t.CampaignId))
            .GroupBy(t => new { t.CampaignId, t.Status })
            .Select(g => new { g.Key.CampaignId, g.Key.Status, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return candidates.OrderByDescending(c => c.LaunchedAtUtc).ThenByDescending(c => c.Id)
            .Select(c =>
            {
                var own = counts.Where(x => x.CampaignId == c.Id).ToList();
                return new
                {
                    Campaign = new ActiveCampaign(c.Id, c.Title,
                        own.Where(x => CoopTaskStatuses.IsAnswered(x.Status)).Sum(x => x.Count),
                        own.Where(x => x.Status != CoopTaskStatus.Cancelled).Sum(x => x.Count)),
                    Pending = own.Where(x => CoopTaskStatuses.IsPending(x.Status)).Sum(x => x.Count),
                };
            })
            .FirstOrDefault(c => c.Pending > 0)?.Campaign;
    }
}
