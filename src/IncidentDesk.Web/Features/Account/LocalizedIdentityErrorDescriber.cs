using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace IncidentDesk.Web.Features.Account;

/// <summary>Identity's messages in the user's language instead of the built-in English.</summary>
internal sealed class LocalizedIdentityErrorDescriber(IStringLocalizer<SharedResource> l) : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) =>
        new() { Code = nameof(PasswordTooShort), Description = l["Identity.PasswordTooShort", length] };

    public override IdentityError DuplicateEmail(string email) =>
        new() { Code = nameof(DuplicateEmail), Description = l["Identity.DuplicateEmail", email] };

    public override IdentityError DuplicateUserName(string userName) =>
        new() { Code = nameof(DuplicateUserName), Description = l["Identity.DuplicateEmail", userName] };

    public override IdentityError InvalidEmail(string? email) =>
        new() { Code = nameof(InvalidEmail), Description = l["Identity.InvalidEmail", email ?? ""] };

    public override IdentityError InvalidUserName(string? userName) =>
        new() { Code = nameof(InvalidUserName), Description = l["Identity.InvalidEmail", userName ?? ""] };
}
