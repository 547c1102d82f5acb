using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace IncidentDesk.Web.Security.Sessions;

/// <summary>The session cookie's checks on every request: Identity's security stamp first, then the session's own record.</summary>
internal static class SessionChecks
{
    public static void Attach(CookieAuthenticationEvents events)
    {
        var stampCheck = events.OnValidatePrincipal;
        events.OnValidatePrincipal = async context =>
        {
            await stampCheck(context);
            if (context.Principal is not { } principal)
            {
                return;
            }

            var sessions = context.HttpContext.RequestServices.GetRequiredService<DeskSessions>();
            if (!await sessions.IsActiveAsync(principal, context.HttpContext.RequestAborted))
            {
                context.RejectPrincipal();
                await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            }
        };

        // The sign-in and access-denied redirects name a path on this site, never the Host the request claimed.
        events.OnRedirectToLogin = context => RedirectWithinSite(context, StatusCodes.Status401Unauthorized);
        events.OnRedirectToAccessDenied = context => RedirectWithinSite(context, StatusCodes.Status403Forbidden);
    }

    /// <summary>The security stamp's refresh rebuilds the principal from the account; the session it belongs to stays the same.</summary>
    public static Task KeepSession(SecurityStampRefreshingPrincipalContext context)
    {
        if (DeskSessions.IdOf(context.CurrentPrincipal) is { } id && context.NewPrincipal?.Identity is ClaimsIdentity identity
            && !identity.HasClaim(c => c.Type == DeskSessions.Claim))
        {
            identity.AddClaim(new Claim(DeskSessions.Claim, id));
        }

        return Task.CompletedTask;
    }

    private static Task RedirectWithinSite(RedirectContext<CookieAuthenticationOptions> context, int scriptStatus)
    {
        var target = new Uri(context.RedirectUri, UriKind.RelativeOrAbsolute);
        var local = target.IsAbsoluteUri ? target.PathAndQuery : context.RedirectUri;
        if (string.Equals(context.Request.Headers.XRequestedWith, "XMLHttpRequest", StringComparison.Ordinal))
        {
            context.Response.Headers.Location = local;
            context.Response.StatusCode = scriptStatus;
        }
        else
        {
            context.Response.Redirect(local);
        }

        return Task.CompletedTask;
    }
}
