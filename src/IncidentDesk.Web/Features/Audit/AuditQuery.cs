namespace IncidentDesk.Web.Features.Audit;

/// <summary>
/// Filters for the audit trail. <see cref="Action"/> matches exactly or as a family ("SignIn" finds
/// "SignIn.Failed"; a trailing "*" is a plain prefix). Times are UTC: from inclusive, to exclusive.
/// <see cref="IncidentId"/> narrows to one incident's entries: the incident itself and its children.
/// </summary>
public sealed record AuditQuery(
    string? Actor = null,
    string? Action = null,
    string? EntityType = null,
    string? EntityId = null,
    DateTime? FromUtc = null,
    DateTime? ToUtc = null,
    int Page = 0,
    int PageSize = 50,
    int? IncidentId = null);

public sealed record AuditRow(
    long Id, long Sequence, DateTime AtUtc, string? ActorId, string ActorName, string Action,
    string? EntityType, string? EntityId, string? Changes, string? ClientIp);

public sealed record AuditSearchResult(IReadOnlyList<AuditRow> Rows, int TotalCount);
