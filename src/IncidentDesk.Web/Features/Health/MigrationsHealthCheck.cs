using IncidentDesk.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace IncidentDesk.Web.Features.Health;

/// <summary>
/// Ready only when the database carries every migration this build knows: an instance started against a database another
/// (older or newer) build migrated must not take traffic as if the schema were its own.
/// </summary>
internal sealed class MigrationsHealthCheck(FederationWideDb dbFactory) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Count();
            return pending == 0 ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy($"{pending} migration(s) not applied.");
        }
#pragma warning disable CA1031 // a schema that cannot be read is "not ready", whatever the failure
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return HealthCheckResult.Unhealthy("The migrations history is not readable.", ex);
        }
    }
}
