using System.Globalization;

using IncidentDesk.Core.Campaigns;
using IncidentDesk.Core.Coops;
using IncidentDesk.Core.Incidents;
using IncidentDesk.Data;
using IncidentDesk.Web.Features.Audit;
using IncidentDesk.Web.Features.Compliance;
using IncidentDesk.Web.Security;

using Microsoft.EntityFrameworkCore;

namespace IncidentDesk.Web.Features.Coops;

/// <summary>
/// One co-op seen whole: identity, encarregado, liaisons, incidents, open tasks. Officers and auditors read any co-op;
/// a liaison only their own, and any other id answers exactly like a missing one (the attempt is audited).
/// </summary>
public sealed class CoopProfileService(
    IDbContextFactory<IncidentDeskDbContext> dbFactory, AuditLog audit, TimeProvider time, DeadlineService deadlines)
{
    public async Task<CoopProfile?> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var identity = await db.Coops.AsNoTracking().Where(c => c.Id == id)
            .Select(c => new CoopIdentity(c.Id, c.Code, c.Name, c.Cnpj, c.Uf, c.City, c.Federation!.Code, c.Federation.Name,
                c.EncarregadoName, c.EncarregadoEmail, c.EncarregadoPhone, c.IsSmallProcessingAgent, c.IsActive))
            .FirstOrDefaultAsync(cancellationToken);
        if (identity is null)
        {
            await audit.DeniedIfExistsAsync<Coop>(id, cancellationToken);
            return null;
        }

        var now = time.GetUtcNow();
        return new CoopProfile(identity, await LiaisonsAsync(db, id, now, cancellationToken), await WithDeadlinesAsync(id, await IncidentsAsync(db, id, cancellationToken), cancellationToken),
            await OpenTasksAsync(db, id, now.UtcDateTime, cancellationToken));
    }

    private static async Task<IReadOnlyList<CoopLiaison>> LiaisonsAsync(
        IncidentDeskDbContext db, int coopId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var liaisons = await (
            from u in db.Users.AsNoTracking()
            where u.CoopId == coopId
            join ur in db.UserRoles on u.Id equals ur.UserId
            join r in db.Roles on ur.RoleId equals r.Id
            where r.Name == AppRoles.CoopLiaison
            select new { u.DisplayName, u.Email, u.TwoFactorEnabled, u.IsActive, u.LockoutEnd })
            .ToListAsync(cancellationToken);
        // LockoutEnd is a DateTimeOffset, which SQLite cannot compare: decided here, for a few rows.
        return [.. liaisons.OrderBy(l => l.DisplayName, StringComparer.CurrentCulture)
            .Select(l => new CoopLiaison(l.DisplayName, l.Email ?? "", l.TwoFactorEnabled, l.IsActive, l.LockoutEnd > now))];
    }

    /// <summary>Each open incident where the co-op is a controller gets its clock, read the way the Notifications tab reads it.</summary>
    private async Task<IReadOnlyList<CoopIncidentLink>> WithDeadlinesAsync(
        int coopId, IReadOnlyList<CoopIncidentLink> incidents, CancellationToken cancellationToken)
    {
        var result = new List<CoopIncidentLink>(incidents.Count);
        foreach (var link in incidents)
        {
            var open = link.Role == InvolvementRole.ControllerAffected && link.Status is not (IncidentStatus.Closed or IncidentStatus.Dismissed);
            var clocks = open ? await deadlines.ForIncidentAsync(link.IncidentId, cancellationToken) : null;
            result.Add(clocks?.FirstOrDefault(c => c.CoopId == coopId) is { } own ? link with { NextDeadline = own.NextPending } : link);
        }

        return result;
    }

    private static async Task<IReadOnlyList<CoopIncidentLink>> IncidentsAsync(IncidentDeskDbContext db, int coopId, CancellationToken cancellationToken) =>
        await db.CoopInvolvements.AsNoTracking().Where(i => i.CoopId == coopId)
            .OrderByDescending(i => i.KnowledgeAtUtc)
            .Select(i => new CoopIncidentLink(i.IncidentId, i.Incident!.Reference, i.Incident.Title, i.Incident.Status, i.Role, i.KnowledgeAtUtc))
            .ToListAsync(cancellationToken);

    private static async Task<IReadOnlyList<CoopOpenTask>> OpenTasksAsync(
        IncidentDeskDbContext db, int coopId, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var tasks = await (
            from t in db.CoopTasks.AsNoTracking()
            where t.CoopId == coopId && t.Status != CoopTaskStatus.Done && t.Status != CoopTaskStatus.NotApplicable && t.Status != CoopTaskStatus.Cancelled
            join ct in db.CampaignTasks on t.CampaignTaskId equals ct.Id
            join c in db.Campaigns on t.CampaignId equals c.Id
            join i in db.Incidents on c.IncidentId equals i.Id
            orderby ct.DueAtUtc, ct.Order
            select new { t.Id, c.IncidentId, i.Reference, Campaign = c.Title, ct.Title, t.Status, ct.DueAtUtc })
            .ToListAsync(cancellationToken);
        return [.. tasks.Select(t => new CoopOpenTask(t.Id, t.IncidentId, t.Reference, t.Campaign, t.Title, t.Status, t.DueAtUtc, t.DueAtUtc < nowUtc))];
    }
}
