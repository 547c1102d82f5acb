using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace IncidentDesk.Web.Features.Health;

/// <summary>
/// Probes for a load balancer or an orchestrator, anonymous and status-only (a probe learns nothing about the installation):
/// <c>/health/live</c> — the process serves requests (restart it when this fails); <c>/health/ready</c> — the database
/// answers and carries every migration (send traffic only when this passes); <c>/health</c> is the readiness probe too.
/// </summary>
internal static class HealthEndpoints
{
    public const string ReadyTag = "ready";

    public static void MapHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/health", Probe(check => check.Tags.Contains(ReadyTag))).AllowAnonymous();
        endpoints.MapHealthChecks("/health/ready", Probe(check => check.Tags.Contains(ReadyTag))).AllowAnonymous();
        endpoints.MapHealthChecks("/health/live", Probe(_ => false)).AllowAnonymous();
    }

    private static HealthCheckOptions Probe(Func<HealthCheckRegistration, bool> predicate) => new()
    {
        Predicate = predicate,
        ResponseWriter = (context, report) => context.Response.WriteAsync(report.Status.ToString()),
        ResultStatusCodes =
        {
            [HealthStatus.Healthy] = StatusCodes.Status200OK,
            [HealthStatus.Degraded] = StatusCodes.Status200OK,
            [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
        },
    };
}
