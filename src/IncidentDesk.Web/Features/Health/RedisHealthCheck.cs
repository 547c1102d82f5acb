using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace IncidentDesk.Web.Features.Health;

/// <summary>
/// Ready only when Redis answers: an instance cut off from it would serve pages that never hear the other instances'
/// changes and cookies it cannot read. Registered only when the desk is scaled out.
/// </summary>
internal sealed class RedisHealthCheck(IConnectionMultiplexer redis) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        // Disconnected, a ping would wait in the backlog for the whole command timeout; the probe wants an answer now.
        if (!redis.IsConnected)
        {
            return HealthCheckResult.Unhealthy("Redis is not connected.");
        }

        try
        {
            await redis.GetDatabase().PingAsync();
            return HealthCheckResult.Healthy();
        }
        catch (RedisException ex)
        {
            return HealthCheckResult.Unhealthy("Redis does not answer.", ex);
        }
    }
}
