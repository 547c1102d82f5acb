using System.Globalization;
using System.Security.Claims;
using IncidentDesk.Data;

namespace IncidentDesk.Web.Security;

/// <summary>
/// Who is acting in this scope (an HTTP request, or one user's circuit), as every feature service sees it.
/// Set by <see cref="CurrentUserMiddleware"/> for requests and <see cref="CurrentUserCircuitHandler"/> for circuits,
/// so services authorize the same way whether a page, an API endpoint or the hub calls them.
/// </summary>
public sealed class CurrentUser
{
    public const string CoopIdClaim = "incidentdesk:coop_id";
    public const string TwoFactorClaim = "incidentdesk:2fa";

    public ClaimsPrincipal Principal { get; private set; } = new(new ClaimsIdentity());
    public string? ClientIp { get; set; }

    public bool IsAuthenticated => Principal.Identity?.IsAuthenticated == true;
    public string? UserId => IsAuthenticated ? Principal.FindFirstValue(ClaimTypes.NameIdentifier) : null;
    public string Name => Principal.Identity?.Name ?? "anonymous";
    public bool IsOfficer => Principal.IsInRole(AppRoles.PrivacyOfficer);
    public bool IsAuditor => Principal.IsInRole(AppRoles.Auditor);
    public bool IsLiaison => Principal.IsInRole(AppRoles.CoopLiaison);

    /// <summary>The liaison's co-op; null for everyone else (and for a liaison without one, who then sees nothing).</summary>
    public int? CoopId =>
        int.TryParse(Principal.FindFirstValue(CoopIdClaim), NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) ? id : null;

    /// <summary>Which co-ops' rows this person may read and write; the rule itself is <see cref="CoopScope.For"/>.</summary>
    public CoopScope Scope => CoopScope.For(IsOfficer, IsAuditor, IsLiaison, IsLiaison ? CoopId : null);

    /// <summary>Officers and auditors read across the federation; a liaison reads only their own co-op.</summary>
    public bool SeesAllCoops => Scope.ReadsAll;

    public bool CanReadCoop(int coopId) => Scope.CanRead(coopId);

    /// <summary>Officers change anything; a liaison only their own co-op's work; auditors nothing.</summary>
    public bool CanWriteForCoop(int coopId) => Scope.CanWrite(coopId);

    public void Set(ClaimsPrincipal principal) => Principal = principal;
}
