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

    /// <summary>
    /// The two roles that work for the federation rather than for one co-op. For role rules: who may open the audit trail,
    /// the R15 register, the playbooks, a draft as generated, a reporter's identity.
    /// </summary>
    public bool IsOfficerOrAuditor => IsOfficer || IsAuditor;

    /// <summary>
    /// For presentation only: whether this person's views span many co-ops (a co-op column or filter, federation-wide
    /// wording in an empty state) or one co-op's. Which rows anyone reads is decided by the query filters of
    /// <see cref="CoopScope"/>, never by this; a service that needs a role asks <see cref="IsOfficerOrAuditor"/>.
    /// </summary>
    public bool SeesAllCoops => Scope.ReadsAll;

    public bool CanReadCoop(int coopId) => Scope.CanRead(coopId);

    /// <summary>Officers change anything; a liaison only their own co-op's work; auditors nothing.</summary>
    public bool CanWriteForCoop(int coopId) => Scope.CanWrite(coopId);

    public void Set(ClaimsPrincipal principal) => Principal = principal;
}
