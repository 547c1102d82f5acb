using System.Text.Json;
using IncidentDesk.Web.Outcomes;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Localization;

namespace IncidentDesk.Web.Api;

/// <summary>
/// A request body the API cannot read (malformed JSON, an unknown enum name, a number where text is expected) is the
/// client's mistake: it gets a 400 naming the field, in the same shape as every other validation answer — never the
/// HTML error page or a 500.
/// </summary>
internal sealed class UnreadableBodyHandler(IStringLocalizer<ApiResource> api) : IExceptionHandler
{
    public const string Code = "Unreadable";

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        // By now the request path is the error page's; the feature keeps the one the client asked for.
        var path = httpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? httpContext.Request.Path.Value;
        if (exception is not BadHttpRequestException bad || !new PathString(path).StartsWithSegments(ApiRoutes.Prefix))
        {
            return false;
        }

        var field = bad.InnerException is JsonException { Path: { Length: > 2 } json } ? json[2..] : "body";
        var problem = ResultHttp.Validation(api, [(field, Code, api["Error.Unreadable"].Value)]);
        httpContext.Response.StatusCode = StatusCodes.Status400BadRequest;
        await problem.ExecuteAsync(httpContext);
        return true;
    }
}
