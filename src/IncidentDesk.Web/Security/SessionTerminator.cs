using System.Globalization;
using System.Security.Claims;
using IncidentDesk.Web.Features.Tokens;
using IncidentDesk.Web.Security.Sessions;

namespace IncidentDesk.Web.Security;

/// <summary>
/// Ends live connections at once: a user's circuits and hub connections (deactivation, "sign out everywhere"), one session's
/// circuits (sign-out), one token's hub connections (revocation). Cookies are cut by the security stamp and the session
/// record, checked on every request; circuits and hub connections listen here because they make no requests. Other
/// instances notice within seconds by re-checking (<see cref="Hubs.HubConnectionWatch"/>, the circuits' revalidation).
/// </summary>
public sealed class SessionTerminator
{
    /// <summary>Raised with the id of a user whose every connection ends.</summary>
    public event Action<string>? Terminated;

    /// <summary>Raised with the test a connection's principal meets when it must end.</summary>
    public event Action<Func<ClaimsPrincipal, bool>>? Ended;

    public void Terminate(string userId)
    {
        Terminated?.Invoke(userId);
        Raise(p => p.FindFirstValue(ClaimTypes.NameIdentifier) == userId);
    }

    public void EndSession(string sessionId) => Raise(p => DeskSessions.IdOf(p) == sessionId);

    public void RevokeToken(int tokenId)
    {
        var id = tokenId.ToString(CultureInfo.InvariantCulture);
        Raise(p => p.FindFirstValue(BearerTokenHandler.TokenIdClaim) == id);
    }

    private void Raise(Func<ClaimsPrincipal, bool> ends) => Ended?.Invoke(ends);
}
