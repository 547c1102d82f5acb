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
/// sender that can start at once. The mail outbox implements this; until it does, <see cref="FindingNoticeNotSent"/> is
/// registered and the liaison learns of the task from /my-tasks and the live updates of the desk.
/// </summary>
public interface IFindingNotice
{
    Task QueueAsync(IncidentDeskDbContext db, FindingNotice notice, CancellationToken cancellationToken);

    void Wake();
}

/// <summary>Sends nothing and says so in the log, once per finding: an operator sees that no liaison was mailed.</summary>
public sealed partial class FindingNoticeNotSent(ILogger<FindingNoticeNotSent> log) : IFindingNotice
{
    public Task QueueAsync(IncidentDeskDbContext db, FindingNotice notice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notice);
        NotMailed(log, notice.CoopCode, notice.Endpoint, notice.CoopTaskId);
        return Task.CompletedTask;
    }

    public void Wake()
    {
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Exposure finding for {CoopCode} ({Endpoint}, task {CoopTaskId}) not mailed: no mail outbox is configured; the liaison sees the task on /my-tasks")]
    private static partial void NotMailed(ILogger log, string coopCode, string endpoint, int coopTaskId);
}
