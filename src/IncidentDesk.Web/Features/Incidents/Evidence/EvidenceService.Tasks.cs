using System.Globalization;

using IncidentDesk.Core.Campaigns;
using IncidentDesk.Core.Incidents;
using IncidentDesk.Data;
using IncidentDesk.Web.Features.Incidents.Figures;
using IncidentDesk.Web.Outcomes;

using Microsoft.EntityFrameworkCore;

using EvidenceEntity = IncidentDesk.Core.Incidents.Evidence;

namespace IncidentDesk.Web.Features.Incidents.Evidence;

/// <summary>
/// Evidence a co-op hands in with its answer to a task: its liaison (or an officer on its behalf) adds
/// it; it belongs to that co-op — other co-ops never see it — and to the incident, where officers find it with the rest.
/// A task that requires evidence can only be marked done once one is there (TaskStatusRules).
/// </summary>
public sealed partial class EvidenceService
{
    /// <summary>The evidence handed in for one task, newest first; null when the task is not the caller's to see.</summary>
    public async Task<IReadOnlyList<EvidenceItem>?> ListForTaskAsync(int taskId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // The query filter hides another co-op's task from a liaison.
        if (!await db.CoopTasks.AnyAsync(t => t.Id == taskId, cancellationToken))
        {
            await audit.DeniedIfExistsAsync<CoopTask>(taskId, cancellationToken);
            return null;
        }

        return await db.Evidence.AsNoTracking().Where(e => e.CoopTaskId == taskId)
            .OrderByDescending(e => e.AddedAtUtc).ThenByDescending(e => e.Id)
            .Select(e => new EvidenceItem(e.Id, e.IncidentId, e.Kind, e.Title, e.Description, e.FileName, e.ContentType, e.SizeBytes,
                e.Sha256, e.Url, e.SharedWithCoops, e.AddedBy, e.AddedAtUtc))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Keeps a file as evidence of a task, under the same limits and checks as an incident's files.</summary>
    /// <param name="declaredSize">The size the browser announced; a larger one is refused before reading a byte.</param>
    public async Task<Result<int>> AddTaskFileAsync(
        int taskId, string? fileName, Stream content, long declaredSize, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var evidence = await NewTaskEvidenceAsync(db, taskId, EvidenceKind.File, cancellationToken);
        if (!evidence.Succeeded)
        {
            return evidence.AsFailure();
        }

        var displayName = DisplayName(fileName);
        if (displayName is null)
        {
            return Result.Invalid(EvidenceField.File, EvidenceError.Required, "Error.Required");
        }

        if (declaredSize > EvidenceLimits.MaxBytes)
        {
            return Result.Invalid(EvidenceField.File, EvidenceError.TooLarge, "Error.TooLarge");
        }

        return await KeepFileAsync(db, evidence.Value, displayName, content, cancellationToken);
    }

    /// <summary>Keeps a link (http or https) as evidence of a task, e.g. the co-op's own ticket or a shared folder.</summary>
    public async Task<Result<int>> AddTaskLinkAsync(int taskId, string? url, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var evidence = await NewTaskEvidenceAsync(db, taskId, EvidenceKind.Link, cancellationToken);
        if (!evidence.Succeeded)
        {
            return evidence.AsFailure();
        }

        var errors = new FieldErrors();
        evidence.Value.Url = CheckUrl(errors, url);
        return errors.Count > 0 ? errors.ToFailure() : await SaveAsync(db, evidence.Value, $"Link: {evidence.Value.Url}", cancellationToken);
    }

    /// <summary>
    /// The new evidence row for a task the caller may answer for (its own co-op's, or any for an officer); not found — and
    /// the attempt audited — for a task of another co-op, so a liaison cannot even learn that the id exists.
    /// </summary>
    private async Task<Result<EvidenceEntity>> NewTaskEvidenceAsync(
        IncidentDeskDbContext db, int taskId, EvidenceKind kind, CancellationToken cancellationToken)
    {
        var id = taskId.ToString(CultureInfo.InvariantCulture);
        if (await audit.ForbiddenUnlessAsync(user.IsOfficer || user.IsLiaison, nameof(CoopTask), id, cancellationToken) is { } forbidden)
        {
            return forbidden;
        }

        var task = await (
            from t in db.CoopTasks
            join c in db.Campaigns on t.CampaignId equals c.Id
            join coop in db.Coops on t.CoopId equals coop.Id
            where t.Id == taskId
            select new { t.CoopId, c.IncidentId, coop.Code, t.CampaignTask!.Title }).FirstOrDefaultAsync(cancellationToken);
        if (task is null) // the query filter hides another co-op's task from a liaison
        {
            await audit.DeniedIfExistsAsync<CoopTask>(taskId, cancellationToken);
            return Result.NotFound();
        }

        var evidence = NewEvidence(task.IncidentId, kind, AutoEventText.Limit($"{task.Code} · {task.Title}", EvidenceLimits.Title), null, shared: false);
        evidence.CoopTaskId = taskId;
        evidence.CoopId = task.CoopId;
        return Result.Success(evidence);
    }
}
