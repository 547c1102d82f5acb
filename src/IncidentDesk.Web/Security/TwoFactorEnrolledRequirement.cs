using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;

namespace IncidentDesk.Web.Security;

/// <summary>Officers and auditors must have TOTP two-factor enabled before they reach any data.</summary>
public sealed class TwoFactorEnrolledRequirement : AuthorizationHandler<TwoFactorEnrolledRequirement>, IAuthorizationRequirement
{
    public static bool RoleRequiresTwoFactor(ClaimsPrincipal user) =>
        user.IsInRole(AppRoles.PrivacyOfficer) || user.IsInRole(AppRoles.Auditor);

    public static bool IsPending(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true && RoleRequiresTwoFactor(user)
        && user.FindFirstValue(CurrentUser.TwoFactorClaim) != "true";

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, TwoFactorEnrolledRequirement requirement)
    {
        if (context.User.Identity?.IsAuthenticated == true && !IsPending(context.User))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
