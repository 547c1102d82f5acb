using IncidentDesk.Web.Features.Admin;
using IncidentDesk.Web.Features.Audit;
using IncidentDesk.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace IncidentDesk.Web.Operators;

/// <summary>
/// <c>users deactivate --email E</c>: no more sign-in, a new security stamp (cookies refused at the next
/// request, circuits at their next revalidation), every personal access token revoked.
/// </summary>
internal sealed class UsersDeactivateCommand : IOperatorCommand
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

        if (!user.IsActive)
        {
            await context.Output.WriteLineAsync($"{email} is already deactivated; nothing changed.");
            return OperatorCommandLine.Done;
        }

        var now = accounts.NowUtc;
        var revoked = new List<int>();
        var failure = await accounts.CommitAsync(
            async () =>
            {
                var tokens = await accounts.Db.PersonalAccessTokens
                    .Where(t => t.UserId == user.Id && t.RevokedAtUtc == null).ToListAsync(cancellationToken);
                tokens.ForEach(t => t.RevokedAtUtc = now);
                revoked.AddRange(tokens.Select(t => t.Id));
                user.IsActive = false;
                user.DeactivatedAtUtc = now;
                // Saves the user and the revoked tokens (same context) with the new stamp.
                return await accounts.Users.UpdateSecurityStampAsync(user);
            },
            () => new AuditRecord(AuditActions.UserDeactivated, AdminAudit.UserEntity, user.Id, AdminAudit.Json(
                ("IsActive", AdminAudit.Change(true, false)),
                ("DeactivatedAtUtc", AdminAudit.Change(null, now)),
                ("RevokedTokenIds", revoked.ToArray()))),
            cancellationToken);
        if (failure is not null)
        {
            return await context.FailAsync($"The account was not deactivated: {failure}");
        }

        context.Services.GetRequiredService<SessionTerminator>().Terminate(user.Id);
        await context.Output.WriteLineAsync($"Deactivated {email}; {revoked.Count} token(s) revoked.");
        return OperatorCommandLine.Done;
    }
}
