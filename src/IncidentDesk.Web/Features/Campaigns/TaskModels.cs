using IncidentDesk.Core.Campaigns;

namespace IncidentDesk.Web.Features.Campaigns;

/// <summary>One co-op's task as its liaison (or an officer) sees it.</summary>
public sealed record CoopTaskView(
    int Id, int IncidentId, string IncidentReference, string IncidentTitle, int CampaignId, string CampaignTitle,
    int CoopId, string CoopCode, string CoopName, int Order, string Title, string Instructions, DateTime DueAtUtc,
    bool EvidenceRequired, TaskAnswerType AnswerType, CoopTaskStatus Status, string? Answer, string? Note,
    DateTime UpdatedAtUtc, string? UpdatedBy, int Version, bool IsOverdue);

/// <summary>
/// A status update as sent by the page or the API: <see cref="ExpectedVersion"/> is the version the person was looking
/// at, so an update made on stale information is refused instead of silently overwriting someone else's.
/// </summary>
public sealed record TaskStatusInput(CoopTaskStatus Status, string? Note, string? Answer, int ExpectedVersion);
