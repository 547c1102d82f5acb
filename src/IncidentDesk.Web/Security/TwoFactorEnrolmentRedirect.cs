using IncidentDesk.Web.Api;
using IncidentDesk.Web.Features.Tokens;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.Extensions.Localization;

namespace IncidentDesk.Web.Security;

/// <summary>
/// A signed-in officer or auditor without 2FA is sent to enrol, not shown "access denied"; their API token gets a problem
/// saying where to enrol instead of an empty 403.
/// </summary>
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

        if (authorizeResult.Forbidden && TwoFactorEnrolledRequirement.IsPending(context.User)
            && context.User.Identity?.AuthenticationType == BearerTokenHandler.SchemeName)
        {
            ApiRegistration.UseRequestedCulture(context);
            return ApiProblems.TwoFactorRequired(context.RequestServices.GetRequiredService<IStringLocalizer<ApiResource>>())
                .ExecuteAsync(context);
        }

        return _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
