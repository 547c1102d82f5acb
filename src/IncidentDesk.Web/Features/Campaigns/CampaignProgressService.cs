using System.Globalization;
using IncidentDesk.Core.Campaigns;
using IncidentDesk.Data;
using IncidentDesk.Web.Features.Audit;
using IncidentDesk.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace IncidentDesk.Web.Features.Campaigns;

/// <summary>
/// The officers' view of a campaign: every co-op × every task. Officers and auditors only; a liaison asking gets
/// "not found" (the campaign's existence is not confirmed) and the refusal is audited.
/// </summary>
public sealed class CampaignProgressService(IDbContextFactory<IncidentDeskDbContext> dbFactory, CurrentUser user, AuditLog audit, TimeProvider time)
{
    public async Task<CampaignProgress?> GetAsync(int campaignId, CancellationToken cancellationToken = default)
    {
        if (!user.SeesAllCoops)
        {
            await audit.DeniedAsync(nameof(Campaign), campaignId.ToString(CultureInfo.InvariantCulture), cancellationToken);
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var campaign = await db.Campaigns.AsNoTracking().Where(c => c.Id == campaignId)
            .Select(c => new { c.Id, c.IncidentId, c.Title }).FirstOrDefaultAsync(cancellationToken);
        if (campaign is null)
        {
            return null;
        }

        var tasks = await db.CampaignTasks.AsNoTracking().Where(t => t.CampaignId == campaignId).OrderBy(t => t.Order).ThenBy(t => t.Id)
            .Select(t => new { t.Id, t.Order, t.Title, t.DueAtUtc, t.EvidenceRequired, t.AnswerType }).ToListAsync(cancellationToken);

        // One query for all 340 × N cells, by the (CampaignId, CoopId) index; only the columns the matrix shows.
        var cells = await (
            from t in db.CoopTasks.AsNoTracking()
            where t.CampaignId == campaignId
            join coop in db.Coops on t.CoopId equals coop.Id
            select new CellRow(t.Id, t.CampaignTaskId, t.Status, t.Answer, t.Note, t.UpdatedBy, t.UpdatedAtUtc, t.Version,
                coop.Id, coop.Code, coop.Name, coop.Uf, coop.Federation!.Code)).ToListAsync(cancellationToken);

        var now = time.GetUtcNow().UtcDateTime;
        var columnIndex = tasks.Select((t, i) => (t.Id, i)).ToDictionary(p => p.Id, p => p.i);
        var dueOf = tasks.ToDictionary(t => t.Id, t => t.DueAtUtc);
        var rows = cells.GroupBy(c => c.CoopId)
            .Select(g =>
            {
                var first = g.First();
                var row = new ProgressCell?[tasks.Count];
                foreach (var c in g)
                {
                    if (columnIndex.TryGetValue(c.TaskId, out var i))
                    {
                        row[i] = new ProgressCell(c.Id, c.TaskId, c.Status, c.Answer, c.Note, c.UpdatedBy, c.UpdatedAtUtc, c.Version,
                            TaskDueDate.IsOverdue(c.Status, dueOf[c.TaskId], now));
                    }
                }

                return new ProgressRow(first.CoopId, first.CoopCode, first.CoopName, first.Uf, first.FederationCode, row);
            })
            .OrderBy(r => r.Uf, StringComparer.Ordinal).ThenBy(r => r.CoopCode, StringComparer.Ordinal)
            .ToList();

        var columns = tasks.Select((t, i) => new ProgressColumn(t.Id, t.Order, t.Title, t.DueAtUtc, t.EvidenceRequired, t.AnswerType,
            ColumnTally.Of(rows.Select(r => r.Cells[i]).OfType<ProgressCell>()))).ToList();
        return new CampaignProgress(campaign.Id, campaign.IncidentId, campaign.Title, columns, rows);
    }

    private sealed record CellRow(
        int Id, int TaskId, CoopTaskStatus Status, string? Answer, string? Note, string? UpdatedBy, DateTime UpdatedAtUtc, int Version,
        int CoopId, string CoopCode, string CoopName, string Uf, string FederationCode);
}
