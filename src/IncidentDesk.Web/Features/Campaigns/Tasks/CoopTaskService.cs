using System.Globalization;

using IncidentDesk.Core.Campaigns;
using IncidentDesk.Core.Common;
using IncidentDesk.Core.Timeline;
using IncidentDesk.Data;
using IncidentDesk.Web.Features.Audit;
using IncidentDesk.Web.Features.Incidents;
using IncidentDesk.Web.Features.Live;
using IncidentDesk.Web.Outcomes;
using IncidentDesk.Web.Security;

using Microsoft.EntityFrameworkCore;

namespace IncidentDesk.Web.Features.Campaigns.Tasks;

/// <summary>
/// Each co-op's answers to the federation's tasks. A liaison reads and updates only their own co-op's tasks (another
/// co-op's task id answers "not found" and is audited); officers may update any task on a co-op's behalf; auditors read.
/// </summary>
public sealed class CoopTaskService(
    IDbContextFactory<IncidentDeskDbContext> dbFactory, CurrentUser user, AuditLog audit, TimeProvider time, IChangeFeed feed,
    IEnumerable<ITaskCompletionCheck> completionChecks)
{
    /// <summary>The liaison's co-op's tasks across incidents (officers: every co-op's), unfinished first, soonest due first.</summary>
    public async Task<IReadOnlyList<CoopTaskView>> MyTasksAsync(bool includeFinished = false, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var tasks = Readable(db);
        if (!includeFinished)
        {
            tasks = tasks.Where(t => t.Status != CoopTaskStatus.Done && t.Status != CoopTaskStatus.NotApplicable && t.Status != CoopTaskStatus.Cancelled);
        }

        var rows = await Project(db, tasks).ToListAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        return [.. rows.Select(r => r with { IsOverdue = TaskDueDate.IsOverdue(r.Status, r.DueAtUtc, now) })
            .OrderBy(r => !CoopTaskStatuses.IsPending(r.Status)).ThenBy(r => r.DueAtUtc).ThenBy(r => r.Order)];
    }

    public async Task<CoopTaskView?> GetAsync(int taskId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var view = await ViewAsync(db, taskId, cancellationToken);
        if (view is null)
        {
            await audit.DeniedIfExistsAsync<CoopTask>(taskId, cancellationToken);
        }

        return view;
    }

    /// <summary>
    /// Applies a status update under the task's rules (<see cref="TaskStatusRules"/>) if nobody changed the task since
    /// <see cref="TaskStatusInput.ExpectedVersion"/>; otherwise answers <see cref="Result.ChangedSinceRead"/> with the task as
    /// it now is. A refusal of the rules names the field it is about (Status, Answer, Note or Evidence).
    /// </summary>
    public async Task<Result<CoopTaskView>> UpdateStatusAsync(int taskId, TaskStatusInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var id = taskId.ToString(CultureInfo.InvariantCulture);
        if (await audit.ForbiddenUnlessAsync(user.IsOfficer || user.IsLiaison, nameof(CoopTask), id, cancellationToken) is { } forbidden)
        {
            return forbidden;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // Everything the update decides on and answers with, in one read (liaisons answer many times a second at the peak).
        var found = await (
                from t in db.CoopTasks
                where t.Id == taskId
                join c in db.Campaigns on t.CampaignId equals c.Id
                join i in db.Incidents on c.IncidentId equals i.Id
                join coop in db.Coops on t.CoopId equals coop.Id
                select new TaskUnderUpdate(t, t.CampaignTask!, i.Id, i.Reference, i.Title, c.Title, coop.Code, coop.Name,
                    db.Evidence.Any(e => e.CoopTaskId == t.Id)))
            .FirstOrDefaultAsync(cancellationToken);
        if (found is null || !user.CanWriteForCoop(found.Task.CoopId))
        {
            await audit.DeniedIfExistsAsync<CoopTask>(taskId, cancellationToken);
            return Result.NotFound();
        }

        var task = found.Task;

        // What a liaison types is refused with its field named before anything else about it is decided.
        // (Lengths stay with the task's rules below.)
        var text = new FieldErrors();
        foreach (var (field, value) in new[] { (nameof(TaskStatusInput.Note), input.Note), (nameof(TaskStatusInput.Answer), input.Answer) })
        {
            if (TextRules.HasControlCharacters(value))
            {
                text.Add(field, FieldRules.ControlCharacter);
            }
        }

        if (text.Count > 0)
        {
            return text.ToFailure();
        }

        // Withdrawn with its campaign: nobody owes it any more, so no answer reopens it (whatever version was read).
        if (task.Status == CoopTaskStatus.Cancelled)
        {
            return await ViewAsync(db, taskId, cancellationToken) is { } withdrawn
                ? Result.ConflictWith(CampaignError.TaskWithdrawn, TaskWithdrawnKey, withdrawn)
                : Result.NotFound();
        }

        if (task.Version != input.ExpectedVersion)
        {
            return await ChangedSinceReadAsync(db, taskId, cancellationToken);
        }

        var update = new TaskUpdate(input.Status, input.Note, input.Answer, found.HasEvidence);
        if (TaskStatusRules.Check(task.Status, update, found.Step.Requirements) is { } refusal)
        {
            return Result.Invalid(FieldOf(refusal), refusal.ToString(), $"Refusal.{refusal}");
        }

        foreach (var completion in completionChecks)
        {
            if (await completion.RefusalAsync(db, task, input.Status, cancellationToken) is { } refused)
            {
                return Result.Invalid(FieldOf(refused), refused.ToString(), $"Refusal.{refused}");
            }
        }

        var now = time.GetUtcNow().UtcDateTime;
        var from = task.Status;
        task.Status = input.Status;
        task.Answer = input.Status == CoopTaskStatus.Done ? TaskStatusRules.Normalise(found.Step.AnswerType, input.Answer) : task.Answer;
        task.Note = FieldRules.Optional(input.Note);
        task.UpdatedAtUtc = now;
        task.UpdatedBy = user.Name;
        task.Version++;
        db.TimelineEvents.Add(AutomaticEvents.Create(found.IncidentId, TimelineEventKind.Task, now,
            $"{found.CoopCode} · {found.Step.Title}: {TaskText.Status(from)} → {TaskText.Status(task.Status)}", TaskText.Details(task), user.Name));
        try
        {
            await audit.SaveChangesAsync(db, AuditActions.TaskUpdated, cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone saved between our read and our write: the version check in SQL caught it.
            await using var fresh = await dbFactory.CreateDbContextAsync(cancellationToken);
            return await ChangedSinceReadAsync(fresh, taskId, cancellationToken);
        }

        await feed.PublishAsync(ChangeKind.Task, found.IncidentId, user, time, task.Id, task.CoopId, cancellationToken);
        return Result.Success(found.View(now));
    }

    /// <summary>A task being updated, with what its view shows of its step, campaign, incident and co-op.</summary>
    private sealed record TaskUnderUpdate(
        CoopTask Task, CampaignTask Step, int IncidentId, string IncidentReference, string IncidentTitle, string CampaignTitle,
        string CoopCode, string CoopName, bool HasEvidence)
    {
        public CoopTaskView View(DateTime now) => new(
            Task.Id, IncidentId, IncidentReference, IncidentTitle, Task.CampaignId, CampaignTitle, Task.CoopId, CoopCode, CoopName,
            Step.Order, Step.Title, Step.Instructions, Step.DueAtUtc, Step.EvidenceRequired, Step.AnswerType, Task.Status, Task.Answer,
            Task.Note, Task.UpdatedAtUtc, Task.UpdatedBy, Task.Version, TaskDueDate.IsOverdue(Task.Status, Step.DueAtUtc, now));
    }

    /// <summary>The stale write's answer: the task as it now is (who changed it, when, to what), or not found if it went away.</summary>
    private async Task<Result<CoopTaskView>> ChangedSinceReadAsync(IncidentDeskDbContext db, int taskId, CancellationToken cancellationToken) =>
        await ViewAsync(db, taskId, cancellationToken) is { } current
            ? Result.ChangedSinceRead(TaskConflictKey, current)
            : Result.NotFound();

    /// <summary>CampaignResource key of the stale-write message: {0} who, {1} when, {2} the status it now has.</summary>
    public const string TaskConflictKey = "Update.Conflict";

    /// <summary>CampaignResource key of the refusal to answer a withdrawn task: {0} who cancelled its campaign, {1} when, {2} its status.</summary>
    public const string TaskWithdrawnKey = "Update.Withdrawn";

    private static string FieldOf(TaskUpdateRefusal refusal) => refusal switch
    {
        TaskUpdateRefusal.ReasonRequired or TaskUpdateRefusal.JustificationRequired => nameof(TaskStatusInput.Note),
        TaskUpdateRefusal.AnswerRequired or TaskUpdateRefusal.AnswerInvalid => nameof(TaskStatusInput.Answer),
        TaskUpdateRefusal.EvidenceRequired => "Evidence",
        _ => nameof(TaskStatusInput.Status),
    };

    // The query filter leaves a liaison their own co-op's tasks.
    private static IQueryable<CoopTask> Readable(IncidentDeskDbContext db) => db.CoopTasks.AsNoTracking();

    private async Task<CoopTaskView?> ViewAsync(IncidentDeskDbContext db, int taskId, CancellationToken cancellationToken)
    {
        var view = await Project(db, Readable(db).Where(t => t.Id == taskId)).FirstOrDefaultAsync(cancellationToken);
        return view is null ? null : view with { IsOverdue = TaskDueDate.IsOverdue(view.Status, view.DueAtUtc, time.GetUtcNow().UtcDateTime) };
    }

    private static IQueryable<CoopTaskView> Project(IncidentDeskDbContext db, IQueryable<CoopTask> tasks) =>
        from t in tasks
        join c in db.Campaigns on t.CampaignId equals c.Id
        join i in db.Incidents on c.IncidentId equals i.Id
        join coop in db.Coops on t.CoopId equals coop.Id
        select new CoopTaskView(
            t.Id, i.Id, i.Reference, i.Title, c.Id, c.Title, coop.Id, coop.Code, coop.Name, t.CampaignTask!.Order, t.CampaignTask.Title,
            t.CampaignTask.Instructions, t.CampaignTask.DueAtUtc, t.CampaignTask.EvidenceRequired, t.CampaignTask.AnswerType,
            t.Status, t.Answer, t.Note, t.UpdatedAtUtc, t.UpdatedBy, t.Version, false);
}
