using System.Security.Claims;
using IncidentDesk.Data.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace IncidentDesk.Web.Security;

/// <summary>Adds the person's display name so the app bar can greet them without a database call.</summary>
internal sealed class AppUserClaimsFactory(
    UserManager<AppUser> userManager, RoleManager<IdentityRole> roleManager, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(userManager, roleManager, options)
{
    public const string DisplayNameClaim = "incidentdesk:display_name";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(DisplayNameClaim, string.IsNullOrWhiteSpace(user.DisplayName) ? user.Email ?? "" : user.DisplayName));
        identity.AddClaim(new Claim(CurrentUser.TwoFactorClaim, user.TwoFactorEnabled ? "true" : "false"));
        if (user.CoopId is { } coopId)
        {
            identity.AddClaim(new Claim(CurrentUser.CoopIdClaim, coopId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
        return identity;
    }
}
