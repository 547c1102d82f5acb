using IncidentDesk.Core.Incidents;
using IncidentDesk.Data;
using IncidentDesk.Web.Features.Incidents;
using Microsoft.EntityFrameworkCore;

namespace IncidentDesk.Web.Features.Dashboard;

public sealed record DashboardSnapshot(int ActiveCoops, int Ufs, IReadOnlyList<IncidentSummary> OpenIncidents);

public sealed class DashboardService(IDbContextFactory<IncidentDeskDbContext> dbFactory)
{
    public async Task<DashboardSnapshot> GetAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var activeCoops = await db.Coops.CountAsync(c => c.IsActive, cancellationToken);
        var ufs = await db.Coops.Select(c => c.Uf).Distinct().CountAsync(cancellationToken);
        var open = await db.Incidents.AsNoTracking()
            .Where(i => i.Status != IncidentStatus.Closed && i.Status != IncidentStatus.Dismissed)
            .OrderByDescending(i => i.Severity).ThenByDescending(i => i.ReportedAtUtc)
            .Select(i => new IncidentSummary(i.Id, i.Reference, i.Title, i.Status, i.Severity, i.Source, i.ReportedAtUtc, i.Involvements.Count))
            .ToListAsync(cancellationToken);
        return new DashboardSnapshot(activeCoops, ufs, open);
    }
}
