using IncidentDesk.Data;

namespace IncidentDesk.Web.Features.Exposure.Findings;

/// <summary>
/// A new finding, as its co-op's liaisons are to be told of it: which broker, what the desk saw and when, and the task
/// (with its due time) that asks them to close it.
/// </summary>
public sealed record FindingNotice(
    int CoopId, string CoopCode, int CoopTaskId, int IncidentId, int CampaignId, string Endpoint, DateTime CheckedAtUtc, int TopicCount,
    DateTime DueAtUtc);

/// <summary>
/// The notice of a new finding to its co-op's liaisons, by e-mail. <see cref="QueueAsync"/> runs inside the check's own
/// transaction, before the finding's audit entry is saved: rows it adds to <c>db</c> are sealed by that entry and committed
/// with the finding, so a notice exists exactly when its finding does. <see cref="Wake"/> runs after the commit, for a
/// sender that can start at once. The mail feature implements it (Features/Mail/ExposureFindingMail.cs).
/// </summary>
public interface IFindingNotice
{
    Task QueueAsync(IncidentDeskDbContext db, FindingNotice notice, CancellationToken cancellationToken);

    void Wake();
}
