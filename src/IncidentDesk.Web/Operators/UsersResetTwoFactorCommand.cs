using IncidentDesk.Web.Features.Admin;
using IncidentDesk.Web.Features.Audit;
using IncidentDesk.Web.Security;
using Microsoft.AspNetCore.Identity;
using IncidentDesk.Data.Audit;

namespace IncidentDesk.Web.Operators;

/// <summary>
/// <c>users reset-2fa --email E</c>, for someone who lost their authenticator: two-factor off, a new
/// authenticator key, old recovery codes void, lockout cleared and a new security stamp (existing sessions
/// end). An officer or auditor is then sent to enrol again at their next sign-in.
/// </summary>
internal sealed class UsersResetTwoFactorCommand : IOperatorCommand
{
    public IReadOnlyCollection<string> Options => ["email"];

    public async Task<int> RunAsync(OperatorContext context, CancellationToken cancellationToken)
    {
        var email = context.Options.Required("email");
        var accounts = new OperatorAccounts(context);
        var user = await accounts.FindAsync(email);
        if (user is null)
        {
            return await context.FailAsync($"No account with e-mail {email}.");
        }

        var users = accounts.Users;
        var wasEnabled = user.TwoFactorEnabled;
        var failure = await accounts.CommitAsync(
            () => OperatorAccounts.InOrderAsync(
                () => users.SetTwoFactorEnabledAsync(user, false),
                () => users.ResetAuthenticatorKeyAsync(user),
                async () => (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 0)) is null
                    ? IdentityResult.Failed() : IdentityResult.Success,
                () => users.SetLockoutEndDateAsync(user, null),
                () => users.ResetAccessFailedCountAsync(user),
                () => users.UpdateSecurityStampAsync(user)),
            () => new AuditRecord(AuditActions.TwoFactorReset, AdminAudit.UserEntity, user.Id, AdminAudit.Json(
                ("TwoFactorEnabled", AdminAudit.Change(wasEnabled, false)),
                ("AuthenticatorKey", "reset"),
                ("RecoveryCodes", "revoked"))),
            cancellationToken);
        if (failure is not null)
        {
            return await context.FailAsync($"Two-factor sign-in was not reset: {failure}");
        }

        context.Services.GetRequiredService<SessionTerminator>().Terminate(user.Id);
        await context.Output.WriteLineAsync(
            $"Two-factor sign-in reset for {email}: they enrol a new authenticator at their next sign-in.");
        return OperatorCommandLine.Done;
    }
}
