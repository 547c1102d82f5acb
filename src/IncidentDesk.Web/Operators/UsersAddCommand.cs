using IncidentDesk.Data.Identity;
using IncidentDesk.Web.Features.Admin;
using IncidentDesk.Web.Features.Audit;
using IncidentDesk.Web.Security;
using Microsoft.EntityFrameworkCore;
using IncidentDesk.Data.Audit;

namespace IncidentDesk.Web.Operators;

/// <summary>
/// <c>users add --email E --role R [--coop CODE] [--name N]</c>, the password on the first line of standard
/// input (never an argument: arguments end up in shell history and process lists).
/// </summary>
internal sealed class UsersAddCommand : IOperatorCommand
{
    private static readonly Dictionary<string, string> RoleNames = new(StringComparer.OrdinalIgnoreCase)
    {
        [AppRoles.PrivacyOfficer] = AppRoles.PrivacyOfficer,
        ["officer"] = AppRoles.PrivacyOfficer,
        [AppRoles.CoopLiaison] = AppRoles.CoopLiaison,
        ["liaison"] = AppRoles.CoopLiaison,
        [AppRoles.Auditor] = AppRoles.Auditor,
    };

    public IReadOnlyCollection<string> Options => ["email", "role", "coop", "name"];

    public async Task<int> RunAsync(OperatorContext context, CancellationToken cancellationToken)
    {
        var email = context.Options.Required("email");
        var roleText = context.Options.Required("role");
        var coopCode = context.Options.Optional("coop")?.ToUpperInvariant();
        var name = context.Options.Optional("name") ?? email;

        if (!RoleNames.TryGetValue(roleText, out var role))
        {
            return await context.FailAsync($"Unknown role '{roleText}'. Use PrivacyOfficer, CoopLiaison or Auditor.");
        }

        if (role == AppRoles.CoopLiaison && coopCode is null)
        {
            return await context.FailAsync("A CoopLiaison acts for exactly one co-op: give its code with --coop (e.g. --coop SP-004).");
        }

        if (role != AppRoles.CoopLiaison && coopCode is not null)
        {
            return await context.FailAsync($"Only a CoopLiaison is bound to a co-op; a {role} sees the whole federation. Leave out --coop.");
        }

        var accounts = new OperatorAccounts(context);
        int? coopId = null;
        if (coopCode is not null)
        {
            var coop = await accounts.Db.Coops.AsNoTracking().FirstOrDefaultAsync(c => c.Code == coopCode, cancellationToken);
            if (coop is null)
            {
                return await context.FailAsync($"Unknown co-op code '{coopCode}'.");
            }

            if (!coop.IsActive)
            {
                return await context.FailAsync($"Co-op {coopCode} is inactive; a liaison cannot be bound to it.");
            }

            coopId = coop.Id;
        }

        if (await accounts.FindAsync(email) is not null)
        {
            return await context.FailAsync($"An account with e-mail {email} already exists.");
        }

        var password = (await context.Input.ReadLineAsync(cancellationToken))?.TrimEnd('\r');
        if (string.IsNullOrEmpty(password))
        {
            return await context.FailAsync("No password: write it as the first line of standard input.");
        }

        var user = new AppUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = name,
            CoopId = coopId,
            CreatedAtUtc = accounts.NowUtc,
        };
        var failure = await accounts.CommitAsync(
            () => OperatorAccounts.InOrderAsync(() => accounts.Users.CreateAsync(user, password), () => accounts.Users.AddToRoleAsync(user, role)),
            () => new AuditRecord(AuditActions.UserCreated, AdminAudit.UserEntity, user.Id, AdminAudit.Json(
                ("Email", user.Email), ("DisplayName", user.DisplayName), ("Role", role), ("CoopId", coopId), ("Coop", coopCode))),
            cancellationToken);
        if (failure is not null)
        {
            return await context.FailAsync($"The account was not created: {failure}");
        }

        await context.Output.WriteLineAsync($"Created {role} {email}{(coopCode is null ? "" : $" for co-op {coopCode}")}.");
        if (role != AppRoles.CoopLiaison)
        {
            await context.Output.WriteLineAsync("Two-factor sign-in is required for this role: they enrol an authenticator at their first sign-in.");
        }

        return OperatorCommandLine.Done;
    }
}
