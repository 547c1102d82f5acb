using System.Globalization;

using IncidentDesk.Core.Campaigns;
using IncidentDesk.Data;
using IncidentDesk.Data.Audit;
using IncidentDesk.Web.Features.Audit;
using IncidentDesk.Web.Features.Campaigns.Overdue;
using IncidentDesk.Web.Features.Campaigns.Tasks;
using IncidentDesk.Web.Features.Live;
using IncidentDesk.Web.Outcomes;
using IncidentDesk.Web.Security;

using Microsoft.EntityFrameworkCore;

namespace IncidentDesk.Web.Features.Campaigns.Matrix;

/// <summary>
/// The officers' view of a campaign: every co-op × every task. Officers and auditors only; a liaison asking gets
/// "not found" (the campaign's existence is not confirmed) and the refusal is audited.
/// </summary>
public sealed class CampaignProgressService(
    IDbContextFactory<IncidentDeskDbContext> dbFactory, CurrentUser user, AuditLog audit, TimeProvider time, SharedReads shared)
{
    public async Task<CampaignProgress?> GetAsync(int campaignId, CancellationToken cancellationToken = default)
    {
        if (!await MayReadAsync(campaignId, cancellationToken))
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // One connection for the four reads below (EF Core would open and close it around each, with its set-up each time).
        await db.Database.OpenConnectionAsync(cancellationToken);
        var campaign = await HeadAsync(db, campaignId, cancellationToken);
        if (campaign is null)
        {
            return null;
        }

        var tasks = await db.CampaignTasks.AsNoTracking().Where(t => t.CampaignId == campaignId).OrderBy(t => t.Order).ThenBy(t => t.Id)
            .Select(t => new { t.Id, t.Order, t.Title, t.DueAtUtc, t.EvidenceRequired, t.AnswerType }).ToListAsync(cancellationToken);

        // Only what the matrix shows (answer, note and author are read by the cell dialog when it opens). The co-ops are
        // read once each rather than joined onto every one of their 20 cells: 340 names instead of 6,800.
        var cells = await db.CoopTasks.AsNoTracking().Where(t => t.CampaignId == campaignId)
            .Select(t => new CellRow(t.Id, t.CoopId, t.CampaignTaskId, t.Status, t.UpdatedAtUtc)).ToListAsync(cancellationToken);
        var coops = await db.Coops.AsNoTracking()
            .Where(c => db.CoopTasks.Where(t => t.CampaignId == campaignId).Select(t => t.CoopId).Contains(c.Id))
            .Select(c => new { c.Id, c.Code, c.Name, c.Uf, FederationCode = c.Federation!.Code }).ToListAsync(cancellationToken);

        var now = time.GetUtcNow().UtcDateTime;
        var columnIndex = new Dictionary<int, int>(tasks.Count);
        for (var i = 0; i < tasks.Count; i++)
        {
            columnIndex[tasks[i].Id] = i;
        }

        var cellsOf = new Dictionary<int, ProgressCell?[]>(coops.Count);
        var latest = default(DateTime);
        foreach (var c in cells)
        {
            latest = c.UpdatedAtUtc > latest ? c.UpdatedAtUtc : latest;
            if (!columnIndex.TryGetValue(c.TaskId, out var i))
            {
                continue;
            }

            if (!cellsOf.TryGetValue(c.CoopId, out var row))
            {
                cellsOf[c.CoopId] = row = new ProgressCell?[tasks.Count];
            }

            row[i] = new ProgressCell(c.Id, c.TaskId, c.Status, TaskDueDate.IsOverdue(c.Status, tasks[i].DueAtUtc, now));
        }

        var rows = coops.Where(c => cellsOf.ContainsKey(c.Id))
            .Select(c => CoopHeads.Share(c.Id, c.Code, c.Name, c.Uf, c.FederationCode))
            .OrderBy(h => h.Uf, StringComparer.Ordinal).ThenBy(h => h.Code, StringComparer.Ordinal)
            .Select(h => SharedRows.Share(campaignId, new ProgressRow(h.Id, h.Code, h.Name, h.Uf, h.FederationCode, cellsOf[h.Id])))
            .ToList();

        var columns = tasks.Select((t, i) => new ProgressColumn(t.Id, t.Order, t.Title, t.DueAtUtc, t.EvidenceRequired, t.AnswerType,
            ColumnTally.Of(rows.Select(r => r.Cells[i])))).ToList();
        return new CampaignProgress(campaign.Id, campaign.IncidentId, campaign.Title, columns, rows) { LatestUpdateUtc = latest };
    }

    /// <summary>
    /// The matrix for a download, narrowed by the filters the officer had on screen. Officers and auditors only: anyone
    /// else is refused (Forbidden, audited). The export itself is audited with what it held.
    /// </summary>
    public async Task<Result<MatrixSheet>> ExportAsync(int campaignId, MatrixFilter filter, string format, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var id = campaignId.ToString(CultureInfo.InvariantCulture);
        if (await audit.ForbiddenUnlessAsync(user.IsOfficerOrAuditor, nameof(Campaign), id, cancellationToken) is { } forbidden)
        {
            return forbidden;
        }

        var progress = await GetAsync(campaignId, cancellationToken);
        if (progress is null)
        {
            return Result.NotFound();
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var reference = await db.Incidents.AsNoTracking().Where(i => i.Id == progress.IncidentId).Select(i => i.Reference).FirstAsync(cancellationToken);
        var rows = progress.Rows.Where(filter.Matches).ToList();
        // The matrix no longer carries answers (an open matrix does not show them); the file does.
        var answers = await db.CoopTasks.AsNoTracking().Where(t => t.CampaignId == campaignId && t.Answer != null)
            .ToDictionaryAsync(t => t.Id, t => t.Answer!, cancellationToken);
        await audit.AppendAsync(new AuditRecord(AuditActions.Exported, nameof(Campaign), id,
            $"matrix {format}: {rows.Count} co-ops × {progress.Columns.Count} tasks; uf={filter.Uf ?? "all"}; overdue={filter.Overdue}; "
            + $"blocked={filter.Blocked}; notStarted={filter.NotStarted}; text={filter.Text ?? ""}"), cancellationToken: cancellationToken);
        return Result.Success(MatrixSheet.From(reference, progress, rows, answers));
    }

    /// <summary>
    /// The co-ops with at least one task of the campaign past due and neither done nor "not applicable", with their
    /// liaisons and encarregado to chase; most late tasks first, then the oldest due date. Null (audited) for a liaison.
    /// </summary>
    public async Task<OverdueList?> OverdueAsync(int campaignId, CancellationToken cancellationToken = default)
    {
        if (!await MayReadAsync(campaignId, cancellationToken))
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var campaign = await HeadAsync(db, campaignId, cancellationToken);
        if (campaign is null)
        {
            return null;
        }

        var dueOf = await db.CampaignTasks.AsNoTracking().Where(t => t.CampaignId == campaignId)
            .ToDictionaryAsync(t => t.Id, t => t.DueAtUtc, cancellationToken);
        var unfinished = await db.CoopTasks.AsNoTracking()
            .Where(t => t.CampaignId == campaignId && t.Status != CoopTaskStatus.Done && t.Status != CoopTaskStatus.NotApplicable && t.Status != CoopTaskStatus.Cancelled)
            .Select(t => new { t.CoopId, t.CampaignTaskId, t.Status }).ToListAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var late = unfinished.Where(t => TaskDueDate.IsOverdue(t.Status, dueOf[t.CampaignTaskId], now))
            .GroupBy(t => t.CoopId)
            .ToDictionary(g => g.Key, g => (Count: g.Count(), Oldest: g.Min(t => dueOf[t.CampaignTaskId])));
        var ids = late.Keys.ToList();
        var coops = await db.Coops.AsNoTracking().Where(c => ids.Contains(c.Id))
            .Select(c => new { c.Id, c.Code, c.Name, c.Uf, c.EncarregadoName, c.EncarregadoEmail, c.EncarregadoPhone })
            .ToListAsync(cancellationToken);
        var liaisons = await LiaisonContacts.ForAsync(db, ids, cancellationToken);
        var list = coops
            .Select(c => new OverdueCoop(c.Id, c.Code, c.Name, c.Uf, late[c.Id].Count, late[c.Id].Oldest,
                new CoopContact(c.EncarregadoName, c.EncarregadoEmail, c.EncarregadoPhone),
                [.. liaisons[c.Id]]))
            .OrderByDescending(c => c.OverdueTasks).ThenBy(c => c.OldestDueAtUtc).ThenBy(c => c.CoopCode, StringComparer.Ordinal)
            .ToList();
        return new OverdueList(campaign.Id, campaign.IncidentId, campaign.Title, list);
    }

    /// <summary>
    /// The cells changed at or after <paramref name="sinceUtc"/>: what an open matrix needs after a live change, instead of
    /// reading all 340 × N cells again for every answer. Fifty officers' matrices hear the same change at once: their
    /// reads are one (<see cref="SharedReads"/>), shared only between people who read the same co-ops' rows.
    /// </summary>
    public async Task<IReadOnlyList<ChangedCell>?> ChangedCellsAsync(int campaignId, DateTime sinceUtc, CancellationToken cancellationToken = default)
    {
        if (!await MayReadAsync(campaignId, cancellationToken))
        {
            return null;
        }

        if (SharedReadKey.For(user.Scope, nameof(ChangedCellsAsync), campaignId) is not { } key)
        {
            return await ReadChangedCellsAsync(campaignId, sinceUtc, cancellationToken);
        }

        // The shared read may reach further back (another page asked from earlier): keep what this page asked for.
        var cells = await shared.ReadAsync(key, sinceUtc, from => ReadChangedCellsAsync(campaignId, from, CancellationToken.None));
        return cells.Count == 0 || cells.All(c => c.UpdatedAtUtc >= sinceUtc) ? cells : [.. cells.Where(c => c.UpdatedAtUtc >= sinceUtc)];
    }

    private async Task<IReadOnlyList<ChangedCell>> ReadChangedCellsAsync(int campaignId, DateTime sinceUtc, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        var dueOf = await db.CampaignTasks.AsNoTracking().Where(t => t.CampaignId == campaignId)
            .ToDictionaryAsync(t => t.Id, t => t.DueAtUtc, cancellationToken);
        var rows = await db.CoopTasks.AsNoTracking().Where(t => t.CampaignId == campaignId && t.UpdatedAtUtc >= sinceUtc)
            .Select(t => new CellRow(t.Id, t.CoopId, t.CampaignTaskId, t.Status, t.UpdatedAtUtc))
            .ToListAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        return [.. rows.Where(r => dueOf.ContainsKey(r.TaskId)).Select(r => new ChangedCell(r.CoopId,
            new ProgressCell(r.Id, r.TaskId, r.Status, TaskDueDate.IsOverdue(r.Status, dueOf[r.TaskId], now)), r.UpdatedAtUtc))];
    }

    /// <summary>
    /// One cell's answer, note and author, read when its dialog opens. Officers and auditors read any co-op's; a liaison
    /// only their own co-op's: another co-op's id answers null (not confirmed) and the refusal is audited.
    /// </summary>
    public async Task<CellDetail?> CellAsync(int coopTaskId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var detail = await db.CoopTasks.AsNoTracking().Where(t => t.Id == coopTaskId)
            .Select(t => new CellDetail(t.Id, t.CoopId, t.Status, t.Answer, t.Note, t.UpdatedBy, t.UpdatedAtUtc, t.Version))
            .FirstOrDefaultAsync(cancellationToken);
        if (detail is null)
        {
            await audit.DeniedIfExistsAsync<CoopTask>(coopTaskId, cancellationToken);
        }

        return detail;
    }

    /// <summary>Progress is officers' and auditors' business; a liaison's attempt is audited and answered "not found".</summary>
    private async Task<bool> MayReadAsync(int campaignId, CancellationToken cancellationToken)
    {
        if (user.IsOfficerOrAuditor)
        {
            return true;
        }

        await audit.DeniedAsync(nameof(Campaign), campaignId.ToString(CultureInfo.InvariantCulture), cancellationToken);
        return false;
    }

    private static Task<CampaignHead?> HeadAsync(IncidentDeskDbContext db, int campaignId, CancellationToken cancellationToken) =>
        db.Campaigns.AsNoTracking().Where(c => c.Id == campaignId)
            .Select(c => new CampaignHead(c.Id, c.IncidentId, c.Title)).FirstOrDefaultAsync(cancellationToken);

    private sealed record CampaignHead(int Id, int IncidentId, string Title);

    private readonly record struct CellRow(int Id, int CoopId, int TaskId, CoopTaskStatus Status, DateTime UpdatedAtUtc);
}
