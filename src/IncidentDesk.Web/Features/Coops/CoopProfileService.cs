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

/// <summary>Who the co-op is, as the detail page heads it.</summary>
public sealed record CoopIdentity(
    int Id, string Code, string Name, string Cnpj, string Uf, string City, string FederationCode, string FederationName,
    string EncarregadoName, string EncarregadoEmail, string EncarregadoPhone, bool IsSmallProcessingAgent, bool IsActive);

/// <summary>A person who acts for the co-op on the desk.</summary>
public sealed record CoopLiaison(string Name, string Email, bool TwoFactorEnrolled, bool IsActive, bool IsLockedOut);

/// <summary>An incident the co-op is part of, with its own clock's start (LGPD art. 48).</summary>
public sealed record CoopIncidentLink(int IncidentId, string Reference, string Title, IncidentStatus Status, InvolvementRole Role, DateTime KnowledgeAtUtc)
{
    /// <summary>As a controller of an open incident: its most urgent LGPD deadline not yet filed (R15 arts. 6 and 9).</summary>
    public DeadlineView? NextDeadline { get; init; }
}

/// <summary>A campaign task the co-op still has to answer.</summary>
public sealed record CoopOpenTask(int Id, int IncidentId, string IncidentReference, string Campaign, string Title, CoopTaskStatus Status, DateTime DueAtUtc, bool IsOverdue);

/// <summary>Everything the co-op detail page shows.</summary>
public sealed record CoopProfile(
    CoopIdentity Identity, IReadOnlyList<CoopLiaison> Liaisons, IReadOnlyList<CoopIncidentLink> Incidents, IReadOnlyList<CoopOpenTask> OpenTasks)
{
    public int OverdueCount => OpenTasks.Count(t => t.IsOverdue);
}

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
            where t.CoopId == coopId && t.Status != CoopTaskStatus.Done && t.Status != CoopTaskStatus.NotApplicable
            join ct in db.CampaignTasks on t.CampaignTaskId equals ct.Id
            join c in db.Campaigns on t.CampaignId equals c.Id
            join i in db.Incidents on c.IncidentId equals i.Id
            orderby ct.DueAtUtc, ct.Order
            select new { t.Id, c.IncidentId, i.Reference, Campaign = c.Title, ct.Title, t.Status, ct.DueAtUtc })
            .ToListAsync(cancellationToken);
        return [.. tasks.Select(t => new CoopOpenTask(t.Id, t.IncidentId, t.Reference, t.Campaign, t.Title, t.Status, t.DueAtUtc, t.DueAtUtc < nowUtc))];
    }
}
