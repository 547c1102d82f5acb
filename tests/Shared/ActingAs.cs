using System.Security.Claims;
using IncidentDesk.Data.Identity;
using IncidentDesk.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentDesk.Testing;

/// <summary>A DI scope in which a given person is the current user, as in a request or circuit of theirs.</summary>
public static class ActingAs
{
    public static async Task<AsyncServiceScope> ActingAsAsync(this IncidentDeskHost host, string email)
    {
        ArgumentNullException.ThrowIfNull(host);
        var scope = host.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"No account {email}.");
        var principal = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>().CreateAsync(user);
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(principal);
        return scope;
    }

    public static Task<AsyncServiceScope> ActingAsAsync(this IncidentDeskHost host, TestAccount account) =>
        host.ActingAsAsync((account ?? throw new ArgumentNullException(nameof(account))).Email);

    /// <summary>A DI scope acting as the operators' command line does: a privacy officer with two-factor done.</summary>
    public static AsyncServiceScope OperatorScope(this IncidentDeskHost host, string name = "test operator")
    {
        ArgumentNullException.ThrowIfNull(host);
        var scope = host.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, name), new Claim(ClaimTypes.Role, AppRoles.PrivacyOfficer), new Claim(CurrentUser.TwoFactorClaim, "true")],
            authenticationType: "operator-cli")));
        return scope;
    }
}
