using System.Data.Common;
using System.Globalization;
using IncidentDesk.Web.Features.Health;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Localization;

namespace IncidentDesk.Web.Api;

/// <summary>
/// The server's storage, not the client, failed a request: the disk is full (nothing was saved, the transaction rolled
/// back) or the database went away mid-request (a PostgreSQL restart, a fail-over, a dropped connection: the write is not
/// confirmed). Either is answered as a 503 problem in the caller's language with <c>Retry-After</c>, so a tool waits and
/// sends again — never the HTML error page or a bare 500. A PATCH sent again carries the version it read, so a write that
/// did commit before the connection dropped answers 409 with the current state instead of being applied twice.
/// </summary>
internal sealed partial class StorageTroubleHandler(IStringLocalizer<ApiResource> api, ILogger<StorageTroubleHandler> logger) : IExceptionHandler
{
    public const int FullRetryAfterSeconds = 60;
    public const int UnavailableRetryAfterSeconds = 5;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var path = httpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? httpContext.Request.Path.Value;
        if (!new PathString(path).StartsWithSegments(ApiRoutes.Prefix))
        {
            return false;
        }

        var request = $"{httpContext.Request.Method} {path}";
        (string Code, int RetryAfter)? trouble = StorageFull.Is(exception) ? ("StorageFull", FullRetryAfterSeconds)
            : IsConnectionLost(exception) ? ("StorageUnavailable", UnavailableRetryAfterSeconds)
            : null;
        if (trouble is not { } answer)
        {
            return false;
        }

        if (answer.Code == "StorageFull")
        {
            StorageFull.LogRefused(logger, exception, request);
        }
        else
        {
            LogUnavailable(logger, request);
        }

        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = answer.RetryAfter.ToString(CultureInfo.InvariantCulture);
        await TypedResults.Problem(title: api[$"{answer.Code}.Title"], detail: api[$"{answer.Code}.Detail", answer.RetryAfter],
            statusCode: StatusCodes.Status503ServiceUnavailable,
            extensions: new Dictionary<string, object?> { ["code"] = answer.Code }).ExecuteAsync(httpContext);
        return true;
    }

    /// <summary>A connection-level failure anywhere in the chain (EF Core wraps the provider's exception).</summary>
    private static bool IsConnectionLost(Exception? exception)
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Request} answered 503: the database could not be reached")]
    private static partial void LogUnavailable(ILogger logger, string request);
}
