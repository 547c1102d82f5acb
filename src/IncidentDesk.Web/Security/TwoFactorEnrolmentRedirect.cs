using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace IncidentDesk.Web.Security;

/// <summary>A signed-in officer without 2FA is sent to enrol, not shown "access denied".</summary>
internal sealed class TwoFactorEnrolmentRedirect : IAuthorizationMiddlewareResultHandler
{
    public const string EnrolPath = "/account/two-factor";
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden && TwoFactorEnrolledRequirement.IsPending(context.User)
            && HttpMethods.IsGet(context.Request.Method) && !context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            var returnUrl = $"{context.Request.Path}{context.Request.QueryString}";
            context.Response.Redirect($"{EnrolPath}?ReturnUrl={Uri.EscapeDataString(returnUrl)}");
            return Task.CompletedTask;
        }

        return _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
