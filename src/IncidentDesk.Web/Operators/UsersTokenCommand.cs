using System.Globalization;
using IncidentDesk.Web.Features.Tokens;
using IncidentDesk.Web.Security;

namespace IncidentDesk.Web.Operators;

/// <summary>
/// <c>users token --email E --name N [--expires-days D] [--allow-before-2fa]</c>: prints a new personal access token, once.
/// An officer or auditor without two-factor authentication is refused unless the operator says otherwise: the API would
/// answer every call of that token with 403 until they enrol, which looks like a broken token to whoever receives it.
/// </summary>
internal sealed class UsersTokenCommand : IOperatorCommand
{
    public const string AllowBeforeTwoFactor = "allow-before-2fa";

    public IReadOnlyCollection<string> Options => ["email", "name", "expires-days"];

    public IReadOnlyCollection<string> Flags => [AllowBeforeTwoFactor];

    public async Task<int> RunAsync(OperatorContext context, CancellationToken cancellationToken)
    {
        var email = context.Options.Required("email");
        var name = context.Options.Required("name");
        var daysText = context.Options.Optional("expires-days");
        var days = PersonalAccessTokenService.DefaultValidityDays;
        if (daysText is not null && !int.TryParse(daysText, NumberStyles.None, CultureInfo.InvariantCulture, out days))
        {
            throw new UsageException($"--expires-days must be a whole number of days, not '{daysText}'.");
        }

        switch (PersonalAccessTokenService.Validate(name, days))
        {
            case TokenInputError.NameTooLong:
                return await context.FailAsync($"The token name may have at most {PersonalAccessTokenService.MaxNameLength} characters.");
            case TokenInputError.ValidityOutOfRange:
                return await context.FailAsync(
                    $"--expires-days must be between {PersonalAccessTokenService.MinValidityDays} and {PersonalAccessTokenService.MaxValidityDays}.");
            case TokenInputError.NameRequired:
                throw new UsageException("Missing option --name.");
        }

        var owner = await new OperatorAccounts(context).FindAsync(email);
        if (owner is null)
        {
            return await context.FailAsync($"No account with e-mail {email}.");
        }

        if (!owner.IsActive)
        {
            return await context.FailAsync($"The account {email} is deactivated; it cannot have tokens.");
        }

        var accounts = new OperatorAccounts(context).Users;
        var pendingRole = owner.TwoFactorEnabled ? null
            : await accounts.IsInRoleAsync(owner, AppRoles.PrivacyOfficer) ? AppRoles.PrivacyOfficer
            : await accounts.IsInRoleAsync(owner, AppRoles.Auditor) ? AppRoles.Auditor
            : null;
        var pending = pendingRole is null ? null
            : $"{email} is a {pendingRole} without two-factor authentication: the API refuses this account's tokens (403, "
              + $"\"enrol two-factor authentication at {TwoFactorEnrolmentRedirect.EnrolPath}\") until they enrol it, which they are asked "
              + "to do at their next sign-in.";
        if (pending is not null && !context.Options.Has(AllowBeforeTwoFactor))
        {
            return await context.FailAsync(
                $"{pending} Nothing was created. To create the token now anyway (it works only once they have enrolled), add --{AllowBeforeTwoFactor}.");
        }

        var created = await context.Services.GetRequiredService<PersonalAccessTokenService>()
            .CreateForUserAsync(owner.Id, name, days, context.Actor, cancellationToken);
        var expires = created.Token.ExpiresAtUtc.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
        await context.Error.WriteLineAsync(
            $"Token '{created.Token.Name}' for {email}, valid until {expires}. It is shown only now; store it safely.");
        if (pending is not null)
        {
            await context.Error.WriteLineAsync($"Warning: {pending} The token works only once they have.");
        }

        await context.Output.WriteLineAsync(created.Secret);
        return OperatorCommandLine.Done;
    }
}
