using System.Text.Json;
using IncidentDesk.Data.Identity;
using IncidentDesk.Web.Features.Audit;
using IncidentDesk.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using IncidentDesk.Data.Audit;

namespace IncidentDesk.Web.Features.Account;

/// <summary>Makes sure a fresh install has a way in: the bootstrap officer from configuration, or the setup link.</summary>
internal sealed partial class AccountBootstrapper(
    UserManager<AppUser> users,
    RoleManager<IdentityRole> roles,
    IOptions<IncidentDeskOptions> options,
    FirstRunSetup setup,
    TimeProvider time,
    AuditLog audit,
    ILogger<AccountBootstrapper> logger)
{
    public async Task EnsureFirstAccountAsync()
    {
        foreach (var role in AppRoles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }

        if (await users.Users.AnyAsync())
        {
            return;
        }

        var bootstrap = options.Value.Bootstrap;
        if (!string.IsNullOrWhiteSpace(bootstrap.OfficerEmail) && !string.IsNullOrEmpty(bootstrap.OfficerPassword))
        {
            var result = await CreateOfficerAsync(bootstrap.OfficerEmail, bootstrap.OfficerName, bootstrap.OfficerPassword, "bootstrap");
            if (result.Succeeded)
            {
                LogBootstrapCreated(logger, bootstrap.OfficerEmail);
                return;
            }

            LogBootstrapRejected(logger, string.Join(" ", result.Errors.Select(e => e.Description)));
        }

        setup.Open();
    }

    /// <summary>Creates the first privacy officer (bootstrap settings or the one-time setup link), audited.</summary>
    public async Task<IdentityResult> CreateOfficerAsync(string email, string? displayName, string password, string via)
    {
        var user = new AppUser
        {
            UserName = email.Trim(),
            Email = email.Trim(),
            EmailConfirmed = true,
            DisplayName = string.IsNullOrWhiteSpace(displayName) ? email.Trim() : displayName.Trim(),
            CreatedAtUtc = time.GetUtcNow().UtcDateTime,
        };
        var result = await users.CreateAsync(user, password);
        if (result.Succeeded)
        {
            result = await users.AddToRoleAsync(user, AppRoles.PrivacyOfficer);
        }

        if (result.Succeeded)
        {
            await audit.AppendAsync(
                new AuditRecord(AuditActions.UserCreated, "User", user.Id,
                    JsonSerializer.Serialize(new { user.Email, Role = AppRoles.PrivacyOfficer, Via = via })),
                new AuditActor(null, $"system:{via}"));
        }

        return result;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Created the first privacy officer {Email} from the bootstrap configuration.")]
    private static partial void LogBootstrapCreated(ILogger logger, string email);

    [LoggerMessage(Level = LogLevel.Error, Message = "The bootstrap officer account was not created: {Reasons} Falling back to the one-time setup link.")]
    private static partial void LogBootstrapRejected(ILogger logger, string reasons);
}
