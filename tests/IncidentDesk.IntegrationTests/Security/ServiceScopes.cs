using IncidentDesk.Data.Identity;
using IncidentDesk.Testing;
using IncidentDesk.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentDesk.IntegrationTests.Security;

/// <summary>A DI scope acting as a given person, as a request or circuit of theirs would.</summary>
internal static class ServiceScopes
{
    public static async Task<AsyncServiceScope> ActingAsAsync(this IncidentDeskHost host, TestAccount account)
    {
        var scope = host.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByEmailAsync(account.Email) ?? throw new InvalidOperationException("no such user");
        var principal = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>().CreateAsync(user);
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(principal);
        return scope;
    }
}
