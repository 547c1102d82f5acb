using System.Globalization;
using IncidentDesk.Web.Features.Tokens;

namespace IncidentDesk.Web.Operators;

/// <summary><c>users token --email E --name N [--expires-days D]</c>: prints a new personal access token, once.</summary>
internal sealed class UsersTokenCommand : IOperatorCommand
{
    public IReadOnlyCollection<string> Options => ["email", "name", "expires-days"];

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

        var created = await context.Services.GetRequiredService<PersonalAccessTokenService>()
            .CreateForUserAsync(owner.Id, name, days, context.Actor, cancellationToken);
        var expires = created.Token.ExpiresAtUtc.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
        await context.Error.WriteLineAsync(
            $"Token '{created.Token.Name}' for {email}, valid until {expires}. It is shown only now; store it safely.");
        await context.Output.WriteLineAsync(created.Secret);
        return OperatorCommandLine.Done;
    }
}
