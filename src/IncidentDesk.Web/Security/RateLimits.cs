using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace IncidentDesk.Web.Security;

/// <summary>Per-minute permits per client address (<c>IncidentDesk:RateLimits</c>).</summary>
public sealed class RateLimitOptions
{
    /// <summary>Form posts to sign-in, 2FA, setup and invitation acceptance: slows password and code guessing.</summary>
    public int AccountPerMinute { get; set; } = 20;

    public int ApiPerMinute { get; set; } = 600;

    /// <summary>
    /// Refused attempts recorded in full per caller per <see cref="DenialWindowSeconds"/>; further ones in the window are
    /// counted and recorded as one entry with their number, so a flood cannot bloat the audit trail and nothing goes unrecorded.
    /// </summary>
    public int DenialsRecordedPerWindow { get; set; } = 20;

    public int DenialWindowSeconds { get; set; } = 60;
}

/// <summary>
/// Rate limits per client address: sign-in and invitation acceptance (guessing), the API (abuse).
/// Over the limit the answer is 429 with Retry-After.
/// </summary>
public static class RateLimits
{
    public const string Account = "account";
    public const string Api = "api";

    public static IServiceCollection AddIncidentDeskRateLimits(this IServiceCollection services)
    {
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<IncidentDeskOptions>>((o, options) =>
        {
            var limits = options.Value.RateLimits;
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = (context, _) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
                context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                // A plain 429, not re-executed into the "not found" page.
                if (context.HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodePagesFeature>() is { } pages)
                {
                    pages.Enabled = false;
                }

                return ValueTask.CompletedTask;
            };
            // Reading a form is free; only submissions count against the account limit.
            o.AddPolicy(Account, context => HttpMethods.IsGet(context.Request.Method)
                ? RateLimitPartition.GetNoLimiter("read")
                : PerClient(context, limits.AccountPerMinute));
            o.AddPolicy(Api, context => PerClient(context, limits.ApiPerMinute));
        });
        return services;
    }

    private static RateLimitPartition<string> PerClient(HttpContext context, int permitsPerMinute) =>
        RateLimitPartition.GetFixedWindowLimiter(
            context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = permitsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
}
