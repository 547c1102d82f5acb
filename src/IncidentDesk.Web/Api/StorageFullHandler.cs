using IncidentDesk.Web.Features.Health;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Localization;

namespace IncidentDesk.Web.Api;

/// <summary>
/// A write the disk refused (no space left for the database or an evidence file) is answered to an API client as a 503 problem
/// in the caller's language, with <c>Retry-After</c>: the server's condition, not the client's mistake, and nothing was saved
/// (the transaction rolled back). Never the HTML error page or a bare 500.
/// </summary>
internal sealed class StorageFullHandler(IStringLocalizer<ApiResource> api, ILogger<StorageFullHandler> logger) : IExceptionHandler
{
    public const int RetryAfterSeconds = 60;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var path = httpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? httpContext.Request.Path.Value;
        if (!StorageFull.Is(exception) || !new PathString(path).StartsWithSegments(ApiRoutes.Prefix))
        {
            return false;
        }

        StorageFull.LogRefused(logger, exception, $"{httpContext.Request.Method} {path}");
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await TypedResults.Problem(title: api["StorageFull.Title"], detail: api["StorageFull.Detail"],
            statusCode: StatusCodes.Status503ServiceUnavailable).ExecuteAsync(httpContext);
        return true;
    }
}
