using IncidentDesk.Core.Campaigns;
using IncidentDesk.Data;

namespace IncidentDesk.Web.Features.Campaigns;

/// <summary>
/// A rule another feature adds to some tasks' status changes, beyond <see cref="TaskStatusRules"/>: e.g. a task about an
/// exposed broker is done only once the desk's own check agrees. Asked inside the update, on the caller's context.
/// </summary>
public interface ITaskCompletionCheck
{
    /// <summary>Why <paramref name="task"/> may not move to <paramref name="status"/>; null when this rule has nothing against it.</summary>
    Task<TaskUpdateRefusal?> RefusalAsync(IncidentDeskDbContext db, CoopTask task, CoopTaskStatus status, CancellationToken cancellationToken);
}
