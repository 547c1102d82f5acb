using System.Security.Claims;
using IncidentDesk.Data.Identity;
using IncidentDesk.Web.Features.Audit;
using IncidentDesk.Web.Security;
using IncidentDesk.Web.Security.Sessions;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using IncidentDesk.Data.Audit;

namespace IncidentDesk.Web.Features.Account;

internal static class AccountEndpoints
{
    public static void MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // Sign-out needs only a session (an officer whose 2FA is pending must still be able to leave).
        // The session's record goes too, so a copy of the cookie taken before is refused from now on.
        endpoints.MapPost("/account/logout", async (HttpContext context, IAntiforgery antiforgery, SignInManager<AppUser> signIn,
            DeskSessions sessions, SessionTerminator terminator, AuditLog audit) =>
        {
            if (!await antiforgery.IsRequestValidAsync(context))
            {
                return Results.BadRequest();
            }

            await audit.AppendAsync(new AuditRecord(AuditActions.SignedOut));
            if (context.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId && DeskSessions.IdOf(context.User) is { } sessionId)
            {
                await sessions.EndAsync(userId, sessionId, context.RequestAborted);
                terminator.EndSession(sessionId);
            }

            await signIn.SignOutAsync();
            return Results.LocalRedirect(SecurityExtensions.LoginPath);
        }).RequireAuthorization(Policies.SignedIn);

        // Every cookie of this user dies at its next request (new security stamp) and live circuits end now.
        endpoints.MapPost("/account/logout-everywhere", async (HttpContext context, IAntiforgery antiforgery,
            ClaimsPrincipal principal, UserManager<AppUser> users, SignInManager<AppUser> signIn, SessionTerminator sessions,
            DeskSessions records, AuditLog audit) =>
        {
            if (!await antiforgery.IsRequestValidAsync(context))
            {
                return Results.BadRequest();
            }

            if (await users.GetUserAsync(principal) is { } user)
            {
                await users.UpdateSecurityStampAsync(user);
                await records.EndAllAsync(user.Id, context.RequestAborted);
                await audit.AppendAsync(new AuditRecord(AuditActions.SignedOutEverywhere, "User", user.Id));
                sessions.Terminate(user.Id);
            }

            await signIn.SignOutAsync();
            return Results.LocalRedirect(SecurityExtensions.LoginPath);
        }).RequireAuthorization(Policies.SignedIn);
    }

    /// <summary>Only same-site paths are followed after sign-in (no open redirect).</summary>
    public static string SafeReturnUrl(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/')
            && !returnUrl.StartsWith("//", StringComparison.Ordinal) && !returnUrl.StartsWith("/\\", StringComparison.Ordinal)
            ? returnUrl
            : "/";
}
