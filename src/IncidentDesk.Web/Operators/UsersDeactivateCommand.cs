using IncidentDesk.Data;
using IncidentDesk.Web.Features.Admin;
using IncidentDesk.Web.Outcomes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace IncidentDesk.Web.Operators;

/// <summary>
/// <c>users deactivate --email E</c>: the same deactivation as the Admin page (no more sign-in, a new security
/// stamp, live sessions ended, every personal access token revoked), run by the operator.
/// </summary>
internal sealed class UsersDeactivateCommand : IOperatorCommand
{
    public IReadOnlyCollection<string> Options => ["email"];

    public async Task<int> RunAsync(OperatorContext context, CancellationToken cancellationToken)
    {
        var email = context.Options.Required("email");
        var user = await new OperatorAccounts(context).FindAsync(email);
        if (user is null)
        {
            return await context.FailAsync($"No account with e-mail {email}.");
        }

        if (!user.IsActive)
        {
            await context.Output.WriteLineAsync($"{email} is already deactivated; nothing changed.");
            return OperatorCommandLine.Done;
        }

        var tokens = await context.Services.GetRequiredService<IncidentDeskDbContext>().PersonalAccessTokens
            .CountAsync(t => t.UserId == user.Id && t.RevokedAtUtc == null, cancellationToken);
        var result = await context.Services.GetRequiredService<UserAdministrationService>().DeactivateAsync(user.Id, cancellationToken);
        if (!result.Succeeded)
        {
            var words = context.Services.GetRequiredService<IStringLocalizer<AdminResource>>();
            return await context.FailAsync($"The account was not deactivated: {string.Join(" ", result.Errors.Select(words.Message))}");
        }

        await context.Output.WriteLineAsync($"Deactivated {email}; {tokens} token(s) revoked.");
        return OperatorCommandLine.Done;
    }
}
