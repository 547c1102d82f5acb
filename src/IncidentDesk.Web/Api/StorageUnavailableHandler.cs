using System.Data.Common;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Localization;

namespace IncidentDesk.Web.Api;

/// <summary>
/// The database went away mid-request (a PostgreSQL restart, a fail-over, a dropped connection): the write is not
/// confirmed, and the client is told so plainly — 503 with Retry-After, so a tool waits and sends again — never an opaque 500.
/// A retried PATCH carries the version it read, so a write that did commit before the connection dropped answers 409
/// with the current state instead of being applied twice.
/// </summary>
internal sealed partial class StorageUnavailableHandler(IStringLocalizer<ApiResource> api, ILogger<StorageUnavailableHandler> logger) : IExceptionHandler
{
    public const int RetryAfterSeconds = 5;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var path = httpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? httpContext.Request.Path.Value;
        if (!new PathString(path).StartsWithSegments(ApiRoutes.Prefix) || !IsTransient(exception))
        {
            return false;
        }

        LogUnavailable(logger, httpContext.Request.Method, path);
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await TypedResults.Problem(title: api["StorageUnavailable.Title"], detail: api["StorageUnavailable.Detail", RetryAfterSeconds],
            statusCode: StatusCodes.Status503ServiceUnavailable,
            extensions: new Dictionary<string, object?> { ["code"] = "StorageUnavailable" }).ExecuteAsync(httpContext);
        return true;
    }

    /// <summary>A connection-level failure anywhere in the chain (EF Core wraps the provider's exception).</summary>
    private static bool IsTransient(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (exception is DbException { IsTransient: true })
            {
                return true;
            }
        }

        return false;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Method} {Path} answered 503: the database could not be reached")]
    private static partial void LogUnavailable(ILogger logger, string method, string? path);
}
