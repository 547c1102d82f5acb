using IncidentDesk.Data.Identity;
using IncidentDesk.Testing;
using IncidentDesk.Web.Features.Audit;
using IncidentDesk.Web.Features.Tokens;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using IncidentDesk.Data.Audit;

namespace IncidentDesk.Benchmarks.Load;

/// <summary>
/// API tokens for hundreds of people. Unlike TestAccounts these accounts get no password: hashing 390 passwords would take
/// most of a minute of the machine's CPU before the run and nobody signs in with one (the API takes tokens only).
/// 2FA is marked enrolled because the desk requires it of every role that uses tokens.
/// </summary>
internal sealed class LoadAccounts(IncidentDeskHost host) : IDisposable
{
    private readonly AsyncServiceScope scope = host.OperatorScope("load run");

    public async Task<string> TokenAsync(string role, int? coopId)
    {
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@carga.example";
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = email, CoopId = coopId, TwoFactorEnabled = true };
        Check(await users.CreateAsync(user));
        Check(await users.AddToRoleAsync(user, role));
        var created = await scope.ServiceProvider.GetRequiredService<PersonalAccessTokenService>()
            .CreateForUserAsync(user.Id, "carga", 1, new AuditActor(null, "load run"));
        return created.Secret;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }

    public void Dispose() => scope.Dispose();
}
