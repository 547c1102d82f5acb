using IncidentDesk.Data;
using IncidentDesk.Data.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentDesk.Testing;

/// <summary>A person the tests sign in as. <see cref="AuthenticatorKey"/> is set when 2FA is enabled.</summary>
public sealed record TestAccount(string Email, string Password, string Role, int? CoopId, string? AuthenticatorKey);

/// <summary>Creates accounts straight through Identity, as the accounts feature would, with 2FA already enrolled where asked.</summary>
public static class TestAccounts
{
    public static async Task<TestAccount> CreateAsync(
        IncidentDeskHost host, string role, string? coopCode = null, bool twoFactor = true, string? email = null, string? displayName = null)
    {
        ArgumentNullException.ThrowIfNull(host);
        using var scope = host.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        int? coopId = null;
        if (coopCode is not null)
        {
            var db = scope.ServiceProvider.GetRequiredService<IncidentDeskDbContext>();
            coopId = (await db.Coops.SingleAsync(c => c.Code == coopCode)).Id;
        }

        email ??= $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@federacao.example";
        var password = $"pw-{Guid.NewGuid():N}";
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName ?? email, CoopId = coopId };
        Check(await users.CreateAsync(user, password));
        Check(await users.AddToRoleAsync(user, role));
        string? key = null;
        if (twoFactor)
        {
            Check(await users.ResetAuthenticatorKeyAsync(user));
            key = await users.GetAuthenticatorKeyAsync(user);
            Check(await users.SetTwoFactorEnabledAsync(user, true));
        }

        return new TestAccount(email, password, role, coopId, key);
    }

    /// <summary>Gives the bootstrap officer an authenticator, as they would do at their first sign-in.</summary>
    public static async Task<TestAccount> EnrolBootstrapOfficerAsync(IncidentDeskHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        using var scope = host.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByEmailAsync(IncidentDeskHost.OfficerEmail)
            ?? throw new InvalidOperationException("The bootstrap officer does not exist.");
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (key is null || !user.TwoFactorEnabled)
        {
            Check(await users.ResetAuthenticatorKeyAsync(user));
            key = await users.GetAuthenticatorKeyAsync(user);
            Check(await users.SetTwoFactorEnabledAsync(user, true));
        }

        return new TestAccount(IncidentDeskHost.OfficerEmail, host.OfficerPassword, "PrivacyOfficer", null, key);
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
