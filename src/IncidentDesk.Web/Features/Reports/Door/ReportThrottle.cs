using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace IncidentDesk.Web.Features.Reports.Door;

/// <summary>
/// Limits on the anonymous posts: the report form and the status page, each per client address and per network (/24 for
/// IPv4, /48 for IPv6, so one host cannot dodge the limit by walking its neighbours' addresses). Above a limit the answer
/// is 429 with Retry-After, before antiforgery, the proof-of-work or the database is touched: a flood costs the desk a
/// dictionary look-up per request. Reading the pages is never limited. Addresses live only in memory, for the window.
/// </summary>
public sealed class ReportThrottle : IDisposable
{
    private readonly PartitionedRateLimiter<HttpContext> _reports;
    private readonly PartitionedRateLimiter<HttpContext> _status;

    public ReportThrottle(IOptions<DisclosureOptions> options)
    {
        var o = options.Value;
        _reports = Chained(o.ReportsPerAddressPerHour, o.ReportsPerNetworkPerHour, TimeSpan.FromHours(1));
        _status = Chained(o.StatusPostsPerAddressPerMinute, o.StatusPostsPerNetworkPerMinute, TimeSpan.FromMinutes(1));
    }

    /// <summary>Null when the post may go on; otherwise how long the client should wait.</summary>
    public TimeSpan? Admit(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var limiter = PublicPaths.IsReportForm(context.Request.Path) ? _reports
            : PublicPaths.IsStatusPage(context.Request.Path) ? _status
            : null;
        if (limiter is null || !HttpMethods.IsPost(context.Request.Method))
        {
            return null;
        }

        using var lease = limiter.AttemptAcquire(context);
        return lease.IsAcquired ? null
            : lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait
            : TimeSpan.FromMinutes(1);
    }

    public void Dispose()
    {
        _reports.Dispose();
        _status.Dispose();
    }

    /// <summary>The /24 (IPv4) or /48 (IPv6) a client address belongs to, as a partition key.</summary>
    public static string NetworkOf(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        var bytes = address.GetAddressBytes();
        var prefix = address.AddressFamily == AddressFamily.InterNetwork ? 3 : 6;
        return string.Join('.', bytes.Take(prefix).Select(b => b.ToString(CultureInfo.InvariantCulture))) + (prefix == 3 ? "/24" : "/48");
    }

    private static string AddressOf(HttpContext context)
    {
        var address = context.Connection.RemoteIpAddress;
        return address is null ? "unknown" : (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString();
    }

    private static PartitionedRateLimiter<HttpContext> Chained(int perAddress, int perNetwork, TimeSpan window) =>
        PartitionedRateLimiter.CreateChained(
            PartitionedRateLimiter.Create<HttpContext, string>(c => RateLimitPartition.GetFixedWindowLimiter(
                AddressOf(c), _ => Window(perAddress, window))),
            PartitionedRateLimiter.Create<HttpContext, string>(c => RateLimitPartition.GetFixedWindowLimiter(
                NetworkOf(c.Connection.RemoteIpAddress), _ => Window(perNetwork, window))));

    private static FixedWindowRateLimiterOptions Window(int permits, TimeSpan window) =>
        new() { PermitLimit = Math.Max(1, permits), Window = window, QueueLimit = 0, AutoReplenishment = true };
}

/// <summary>The anonymous paths of the desk, and the headers they are served with.</summary>
public static class PublicPaths
{
    public const string ReportForm = "/report";
    public const string StatusPage = "/report/status";
    public const string Policy = "/disclosure";
    public const string SecurityTxt = "/.well-known/security.txt";

    /// <summary>
    /// Stricter than the desk's own policy: no inline styles either (the public pages are plain HTML with one stylesheet),
    /// no framing, no plugins, forms post only here, the base URI only this origin (the page sets it).
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self'; connect-src 'self'; "
        + "form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

    public static bool IsReportForm(PathString path) => path.Equals(ReportForm, StringComparison.OrdinalIgnoreCase);

    public static bool IsStatusPage(PathString path) => path.Equals(StatusPage, StringComparison.OrdinalIgnoreCase);

    public static bool IsPublic(PathString path) =>
        IsReportForm(path) || IsStatusPage(path) || path.Equals(Policy, StringComparison.OrdinalIgnoreCase)
        || path.Equals(SecurityTxt, StringComparison.OrdinalIgnoreCase);

    /// <summary>Throttles the anonymous posts and hardens the public pages' headers; before antiforgery and the pages.</summary>
    public static IApplicationBuilder UsePublicReportDoor(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (!IsPublic(context.Request.Path))
            {
                await next();
                return;
            }

            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            // The follow-up code is shown on these pages: no cache, proxy or back button may keep a copy.
            headers.CacheControl = "no-cache, no-store";
            headers.Pragma = "no-cache";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            if (context.RequestServices.GetRequiredService<ReportThrottle>().Admit(context) is { } wait)
            {
                var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
                context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                context.Response.ContentType = "text/plain; charset=utf-8";
                var texts = context.RequestServices.GetRequiredService<IStringLocalizer<ReportResource>>();
                await context.Response.WriteAsync(texts["Throttle.TooMany", Math.Max(1, (seconds + 59) / 60)]);
                return;
            }

            await next();
        });
}
