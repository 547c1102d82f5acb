using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace IncidentDesk.Web.Security;

/// <summary>
/// Rate limits per client address: sign-in and invitation acceptance (guessing), the API (abuse).
/// Over the limit the answer is 429 with Retry-After.
/// </summary>
public static class RateLimits
{
    public const string Account = "account";
    public const string Api = "api";

    public static IServiceCollection AddIncidentDeskRateLimits(this IServiceCollection services, int accountPermitsPerMinute = 20, int apiPermitsPerMinute = 600) =>
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = (context, _) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
                context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                return ValueTask.CompletedTask;
            };
            o.AddPolicy(Account, context => PerClient(context, accountPermitsPerMinute));
            o.AddPolicy(Api, context => PerClient(context, apiPermitsPerMinute));
        });

    private static RateLimitPartition<string> PerClient(HttpContext context, int permitsPerMinute) =>
        RateLimitPartition.GetFixedWindowLimiter(
            context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = permitsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
}
