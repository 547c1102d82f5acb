using IncidentDesk.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace IncidentDesk.Web.Features.Health;

/// <summary>Healthy only when the database answers a real query against the schema, not just opens a file.</summary>
internal sealed class DatabaseHealthCheck(FederationWideDb dbFactory) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            await db.Coops.AnyAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
#pragma warning disable CA1031 // any failure of the database means "unhealthy", whatever its type
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return HealthCheckResult.Unhealthy("The database is not reachable.", ex);
        }
    }
}
