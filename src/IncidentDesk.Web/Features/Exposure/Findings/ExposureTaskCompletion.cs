using IncidentDesk.Core.Campaigns;
using IncidentDesk.Core.Exposure;
using IncidentDesk.Data;
using IncidentDesk.Web.Features.Campaigns;
using Microsoft.EntityFrameworkCore;

namespace IncidentDesk.Web.Features.Exposure.Findings;

/// <summary>
/// A task about an exposed broker is done only when the liaison says so and the desk's latest check of that broker
/// agrees: a liaison's "fixed" is taken at its word everywhere else, but an open broker is a fact the desk can see.
/// </summary>
public sealed class ExposureTaskCompletion : ITaskCompletionCheck
{
    public async Task<TaskUpdateRefusal?> RefusalAsync(
        IncidentDeskDbContext db, CoopTask task, CoopTaskStatus status, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(task);
        if (status != CoopTaskStatus.Done)
        {
            return null;
        }

        // Read through the caller's own context: a liaison's scope reads their own co-op's findings and endpoints.
        var last = await (
                from f in db.ExposureFindings
                join e in db.BrokerEndpoints on f.EndpointId equals e.Id
                where f.CoopTaskId == task.Id
                select new { e.LastOutcome })
            .FirstOrDefaultAsync(cancellationToken);
        return last is not null && (last.LastOutcome is not { } outcome || !ExposureRules.IsClosed(outcome))
            ? TaskUpdateRefusal.StillExposed
            : null;
    }
}
