using IncidentDesk.Core.Incidents;
using IncidentDesk.Web.Features.Incidents;
using IncidentDesk.Web.Features.Coops;

namespace IncidentDesk.Web.Features.Dashboard;

public sealed record DashboardSnapshot(int ActiveCoops, int Ufs, IReadOnlyList<IncidentSummary> OpenIncidents);

/// <summary>The dashboard's figures, scoped like the services they summarise (a liaison sees their co-op only).</summary>
public sealed class DashboardService(CoopDirectoryService coops, IncidentService incidents)
{
    public async Task<DashboardSnapshot> GetAsync(CancellationToken cancellationToken = default)
    {
        var (activeCoops, ufs) = await coops.CountActiveAsync(cancellationToken);
        var open = (await incidents.ListAsync(cancellationToken))
            .Where(i => i.Status is not (IncidentStatus.Closed or IncidentStatus.Dismissed))
            .OrderByDescending(i => i.Severity).ThenByDescending(i => i.ReportedAtUtc)
            .ToList();
        return new DashboardSnapshot(activeCoops, ufs, open);
    }
}
