using System.Security.Claims;
using IncidentDesk.Data.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace IncidentDesk.Web.Security.Sessions;

/// <summary>
/// Identity's sign-in, with two additions: every cookie it issues names a server-side session (<see cref="DeskSessions"/>),
/// and a password check costs the same time whether or not the account exists, is locked out or deactivated — otherwise
/// the answer's speed would tell an attacker which e-mails have accounts.
/// </summary>
internal sealed class DeskSignInManager(
    UserManager<AppUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<AppUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<AppUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<AppUser> confirmation,
    DeskSessions sessions)
    : SignInManager<AppUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    private static readonly AppUser Nobody = new() { Id = "nobody", UserName = "nobody" };
    private static string? _nobodysHash;

    public override async Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure)
    {
        if (await UserManager.FindByNameAsync(userName) is { } user)
        {
            return await PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure);
        }

        SpendAPasswordCheck(password);
        return SignInResult.Failed;
    }

    public override async Task<SignInResult> CheckPasswordSignInAsync(AppUser user, string password, bool lockoutOnFailure)
    {
        // Identity refuses a locked-out or deactivated account before it hashes anything: hash anyway, so the refusal is not faster.
        if (!await CanSignInAsync(user) || (UserManager.SupportsUserLockout && await UserManager.IsLockedOutAsync(user)))
        {
            SpendAPasswordCheck(password);
        }

        return await base.CheckPasswordSignInAsync(user, password, lockoutOnFailure);
    }

    /// <summary>
    /// Every cookie names its session. A refresh of the signed-in person's own cookie (after enrolling 2FA, say) keeps the
    /// session it had; any other sign-in starts a new one.
    /// </summary>
    public override async Task SignInWithClaimsAsync(AppUser user, AuthenticationProperties? authenticationProperties, IEnumerable<Claim> additionalClaims)
    {
        var current = Context.User;
        var sessionId = current.FindFirstValue(ClaimTypes.NameIdentifier) == user.Id && DeskSessions.IdOf(current) is { } kept
            ? kept
            : await sessions.StartAsync(user.Id, Context.RequestAborted);
        await base.SignInWithClaimsAsync(user, authenticationProperties,
            [.. additionalClaims.Where(c => c.Type != DeskSessions.Claim), new Claim(DeskSessions.Claim, sessionId)]);
    }

    private void SpendAPasswordCheck(string password)
    {
        _nobodysHash ??= UserManager.PasswordHasher.HashPassword(Nobody, Guid.NewGuid().ToString("N"));
        UserManager.PasswordHasher.VerifyHashedPassword(Nobody, _nobodysHash, password ?? "");
    }
}
