using IncidentDesk.Web.Api;
using IncidentDesk.Web.Features.Tokens;
using IncidentDesk.Web.Features.Audit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.Extensions.Localization;

namespace IncidentDesk.Web.Security;

/// <summary>
/// A signed-in officer or auditor without 2FA is sent to enrol, not shown "access denied"; their API token gets a problem
/// saying where to enrol instead of an empty 403. Every other refusal of a signed-in caller (a role the page, download,
/// API route or hub does not admit; a token before 2FA) is recorded as <c>Access.Denied</c> with the rule that refused it.
/// </summary>
internal sealed class TwoFactorEnrolmentRedirect : IAuthorizationMiddlewareResultHandler
{
    public const string EnrolPath = "/account/two-factor";
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden && TwoFactorEnrolledRequirement.IsPending(context.User)
            && HttpMethods.IsGet(context.Request.Method) && !context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            var returnUrl = $"{context.Request.Path}{context.Request.QueryString}";
            context.Response.Redirect($"{EnrolPath}?ReturnUrl={Uri.EscapeDataString(returnUrl)}");
            return;
        }

        if (authorizeResult.Forbidden)
        {
            // Authorization has just put the token's owner into context.User; the request's CurrentUser still holds the cookie's.
            context.RequestServices.GetRequiredService<CurrentUser>().Set(context.User);
            await context.RequestServices.GetRequiredService<AuditLog>()
                .RefusedAsync(RequestOf(context), Why(authorizeResult.AuthorizationFailure), cancellationToken: context.RequestAborted);
        }

        if (authorizeResult.Forbidden && TwoFactorEnrolledRequirement.IsPending(context.User)
            && context.User.Identity?.AuthenticationType == BearerTokenHandler.SchemeName)
        {
            ApiRegistration.UseRequestedCulture(context);
            await ApiProblems.TwoFactorRequired(context.RequestServices.GetRequiredService<IStringLocalizer<ApiResource>>())
                .ExecuteAsync(context);
            return;
        }

        await _default.HandleAsync(next, context, policy, authorizeResult);
    }

    /// <summary>"GET /register/csv": the method and path, never the query (it may carry a search someone typed).</summary>
    public static string RequestOf(HttpContext context) => $"{context.Request.Method} {context.Request.PathBase}{context.Request.Path}";

    private static string Why(AuthorizationFailure? failure) =>
        failure is null ? "refused"
        : string.Join("; ", failure.FailedRequirements.Select(r => r switch
        {
            RolesAuthorizationRequirement roles => $"role {string.Join(" or ", roles.AllowedRoles)} required",
            TwoFactorEnrolledRequirement => "two-factor enrolment required",
            DenyAnonymousAuthorizationRequirement => "sign-in required",
            _ => r.ToString() ?? r.GetType().Name,
        }).Concat(failure.FailureReasons.Select(r => r.Message)).DefaultIfEmpty("refused"));
}
