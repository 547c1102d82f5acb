using System.Security.Claims;
using IncidentDesk.Data.Identity;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace IncidentDesk.Web.Security;

/// <summary>
/// Re-checks the security stamp of a connected circuit's user, so a deactivated user or a changed
/// password ends open circuits too, not only new requests.
/// </summary>
internal sealed class RevalidatingIdentityStateProvider : RevalidatingServerAuthenticationStateProvider
{
    private readonly IServiceScopeFactory _scopeFactory;
    private readonly IOptions<IdentityOptions> _options;
    private readonly SessionTerminator _terminator;

    public RevalidatingIdentityStateProvider(
        ILoggerFactory loggerFactory, IServiceScopeFactory scopeFactory, IOptions<IdentityOptions> options, SessionTerminator terminator)
        : base(loggerFactory)
    {
        _scopeFactory = scopeFactory;
        _options = options;
        _terminator = terminator;
        _terminator.Ended += OnTerminated;
    }

    // Ends this instance's circuits at once through SessionTerminator; the interval bounds how late a circuit on another
    // instance notices a deactivation, a sign-out everywhere or a signed-out session.
    protected override TimeSpan RevalidationInterval => TimeSpan.FromSeconds(4);

    protected override async Task<bool> ValidateAuthenticationStateAsync(
        AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        await using var scope = _scopeFactory.CreateAsyncScope();
        var userManager = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await userManager.GetUserAsync(authenticationState.User);
        if (user is null || !user.IsActive)
        {
            return false;
        }

        var principalStamp = authenticationState.User.FindFirstValue(_options.Value.ClaimsIdentity.SecurityStampClaimType);
        return principalStamp == await userManager.GetSecurityStampAsync(user)
            && await scope.ServiceProvider.GetRequiredService<Sessions.DeskSessions>().IsActiveAsync(authenticationState.User, cancellationToken);
    }

    private async void OnTerminated(Func<ClaimsPrincipal, bool> ends)
    {
        try
        {
            var state = await GetAuthenticationStateAsync();
            if (state.User.Identity?.IsAuthenticated == true && ends(state.User))
            {
                SetAuthenticationState(Task.FromResult(new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity()))));
            }
        }
        catch (InvalidOperationException)
        {
            // The circuit has no authentication state yet (or any more): nothing to end.
        }
    }

    protected override void Dispose(bool disposing)
    {
        _terminator.Ended -= OnTerminated;
        base.Dispose(disposing);
    }
}
