using IncidentDesk.Web.Security;

namespace IncidentDesk.Web.Features.Mail.Preferences;

/// <summary>
/// The List-Unsubscribe address of non-critical mail. A mail client's one-click POST (RFC 8058: body
/// <c>List-Unsubscribe=One-Click</c>, no cookies, no antiforgery token — the signed token in the address is the proof)
/// stops the person's non-critical mail at once; the same POST from the confirmation page's button does too, then shows the
/// page again. A GET of the address is the page itself (UnsubscribePage.razor), which changes nothing.
/// </summary>
internal static class UnsubscribeEndpoints
{
    public const string Path = "/mail/unsubscribe";

    public static void MapUnsubscribe(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost(Path, async (string? token, HttpContext context, MailPreferencesService preferences) =>
            {
                var form = context.Request.HasFormContentType ? await context.Request.ReadFormAsync(context.RequestAborted) : null;
                var done = (await preferences.UnsubscribeAsync(token, context.Connection.RemoteIpAddress?.ToString(), context.RequestAborted)).Succeeded;
                if (string.Equals(form?["List-Unsubscribe"].ToString(), "One-Click", StringComparison.Ordinal))
                {
                    return done ? Results.Ok() : Results.BadRequest();
                }

                return Results.Redirect($"{Path}?token={Uri.EscapeDataString(token ?? "")}&done={(done ? "true" : "false")}");
            })
            .AllowAnonymous()
            .DisableAntiforgery()
            .RequireRateLimiting(RateLimits.Account)
            // The confirmation page answers GET (and Blazor's form POST) at the same address; this endpoint takes the POST.
            .WithOrder(-1);
}
