namespace IncidentDesk.Web.Security;

/// <summary>
/// Ends a user's live circuits at once (deactivation, "sign out everywhere"). Cookies are cut by the
/// security stamp, which is checked on every request; circuits listen here because they make no requests.
/// </summary>
public sealed class SessionTerminator
{
    public event Action<string>? Terminated;

    public void Terminate(string userId) => Terminated?.Invoke(userId);
}
