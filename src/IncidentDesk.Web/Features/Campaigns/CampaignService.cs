using System.Globalization;
using System.Text.Json;

using IncidentDesk.Core.Campaigns;
using IncidentDesk.Core.Compliance;
using IncidentDesk.Core.Incidents;
using IncidentDesk.Core.Timeline;
using IncidentDesk.Data;
using IncidentDesk.Data.Audit;
using IncidentDesk.Web.Features.Audit;
using IncidentDesk.Web.Features.Incidents;
using IncidentDesk.Web.Features.Incidents.Figures;
using IncidentDesk.Web.Features.Live;
using IncidentDesk.Web.Outcomes;
using IncidentDesk.Web.Security;

using Microsoft.EntityFrameworkCore;

namespace IncidentDesk.Web.Features.Campaigns;

/// <summary>
/// Fans tasks out across the federation. A launch is one transaction for all co-ops × tasks, one audit entry and one
/// timeline event: it happens completely or not at all.
/// </summary>
public sealed class CampaignService(
    IDbContextFactory<IncidentDeskDbContext> dbFactory, CurrentUser user, AuditLog audit, TimeProvider time,
    BusinessCalendar calendar, IChangeFeed feed, Mail.LaunchNotices notices)
{
    public const string LaunchedAction = AuditActions.CampaignLaunched;

    /// <summary>CampaignResource key of the duplicate refusal: {0} the active campaign's title, {1} answered, {2} total.</summary>
    public const string DuplicateKey = "Launch.Duplicate";

    /// <summary>
    /// What <see cref="LaunchAsync"/> would create, for the launch dialog to say before the officer confirms: co-ops, tasks
    /// per co-op, the first due date and the active campaign it would repeat. Officers only (null otherwise); parts the
    /// launch would refuse count as nothing (no co-ops, no tasks) — the launch itself names the refused fields.
    /// </summary>
    public async Task<LaunchPreview?> PreviewAsync(CampaignLaunch launch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(launch);
        if (!user.IsOfficer)
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Incidents.AnyAsync(i => i.Id == launch.IncidentId, cancellationToken))
        {
            return null;
        }

        var ignored = new FieldErrors();
        var tasks = await TasksAsync(db, launch, ignored, cancellationToken);
        var coops = await AudienceAsync(db, launch, ignored, cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        DateTime? firstDue = tasks.Count == 0 ? null
            : TaskDueDate.Compute(now, Math.Clamp(tasks.Min(t => t.DueInBusinessDays), 0, CampaignLimits.MaxDueInBusinessDays), calendar);
        var duplicate = await ActiveCampaigns.RepeatedByAsync(db, launch.IncidentId, launch.PlaybookId, launch.Title, cancellationToken);
        return new LaunchPreview(coops.Count, tasks.Count, firstDue, duplicate);
    }

    /// <summary>Launches a campaign (officers only): the new campaign and how many co-op tasks it made.</summary>
    public async Task<Result<LaunchedCampaign>> LaunchAsync(CampaignLaunch launch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(launch);
        if (await audit.ForbiddenUnlessAsync(user.IsOfficer, nameof(Incident), launch.IncidentId.ToString(CultureInfo.InvariantCulture), cancellationToken)
            is { } forbidden)
        {
            return forbidden;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var incident = await db.Incidents.AsNoTracking().FirstOrDefaultAsync(i => i.Id == launch.IncidentId, cancellationToken);
        if (incident is null)
        {
            return Result.NotFound();
        }

        var errors = new FieldErrors();
        if (incident.Status is IncidentStatus.Closed or IncidentStatus.Dismissed)
        {
            errors.Add(CampaignField.Incident, CampaignError.IncidentClosed);
        }

        FieldRules.Text(errors, CampaignField.Title, launch.Title, CampaignLimits.Title, required: true);
        var tasks = await TasksAsync(db, launch, errors, cancellationToken);
        var coopIds = await AudienceAsync(db, launch, errors, cancellationToken);
        var duplicate = await ActiveCampaigns.RepeatedByAsync(db, incident.Id, launch.PlaybookId, launch.Title, cancellationToken);
        if (duplicate is not null && launch.AllowDuplicate)
        {
            FieldRules.Text(errors, CampaignField.DuplicateReason, launch.DuplicateReason, CampaignLimits.Reason, required: true);
        }

        if (errors.Count > 0)
        {
            return errors.ToFailure();
        }

        // A second campaign of the same playbook doubles every co-op's work: only on purpose, with the reason on record.
        if (duplicate is not null && !launch.AllowDuplicate)
        {
            return Result.ConflictWith(CampaignError.DuplicateCampaign, DuplicateKey, duplicate);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var campaign = new Campaign
        {
            IncidentId = incident.Id, Title = launch.Title!.Trim(), PlaybookId = launch.PlaybookId, Audience = launch.Audience,
            AudienceFilter = FieldRules.Optional(launch.AudienceFilter)?.ToUpperInvariant(), LaunchedAtUtc = now, LaunchedBy = user.Name,
        };
        var order = 0;
        campaign.Tasks.AddRange(tasks.Select(input => new CampaignTask
        {
            Order = ++order, Title = input.Title!.Trim(), Instructions = input.Instructions?.Trim() ?? "",
            DueAtUtc = TaskDueDate.Compute(now, input.DueInBusinessDays, calendar),
            EvidenceRequired = input.EvidenceRequired, AnswerType = input.AnswerType,
        }));

        var mail = Mail.LaunchMail.None;
        await using (var transaction = await audit.BeginTransactionAsync(db, cancellationToken))
        {
            db.Campaigns.Add(campaign);
            await db.SaveChangesAsync(cancellationToken);
            await CoopTaskBulkInsert.InsertAsync(db, [.. campaign.Tasks.SelectMany(task => coopIds.Select(coopId => new CoopTask
            {
                CampaignTaskId = task.Id, CampaignId = campaign.Id, CoopId = coopId, Status = CoopTaskStatus.Open,
                UpdatedAtUtc = now, UpdatedBy = AutoEventText.Limit(user.Name, 256),
            }))], cancellationToken);
            db.TimelineEvents.Add(AutomaticEvents.Create(incident.Id, TimelineEventKind.Task, now,
                $"Campanha lançada: {campaign.Title}", LaunchDescription(campaign, coopIds.Count), user.Name));
            mail = await notices.QueueAsync(db, incident, campaign, coopIds, now, cancellationToken);

            // One entry for the whole launch (what, to whom, how many), not one per co-op task.
            await audit.SaveChangesAsync(db, new AuditRecord(LaunchedAction, nameof(Campaign),
                campaign.Id.ToString(CultureInfo.InvariantCulture), Summary(campaign, coopIds.Count, duplicate, launch.DuplicateReason)),
                cancellationToken: cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        notices.Wake();
        await feed.PublishAsync(ChangeKind.Campaign, incident.Id, user, time, campaign.Id, cancellationToken: cancellationToken);
        return Result.Success(new LaunchedCampaign(campaign.Id, campaign.Tasks.Count, coopIds.Count) { Mail = mail });
    }

    /// <summary>The incident's campaigns with their progress, newest first; officers and auditors only (null otherwise).</summary>
    public async Task<IReadOnlyList<CampaignSummary>?> ListAsync(int incidentId, CancellationToken cancellationToken = default)
    {
        if (!user.IsOfficerOrAuditor)
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var campaigns = await db.Campaigns.AsNoTracking().Where(c => c.IncidentId == incidentId)
            .Select(c => new
            {
                c.Id, c.Title, c.LaunchedAtUtc, c.LaunchedBy, c.Audience, c.AudienceFilter, Tasks = c.Tasks.Count,
                c.CancelledAtUtc, c.CancelledBy, c.CancellationReason,
            })
            .ToListAsync(cancellationToken);
        var ids = campaigns.Select(c => c.Id).ToList();
        // Counted per (task, status) in SQL, a handful of rows per campaign; whether a count is overdue is then decided
        // by TaskDueDate, the one rule the matrix and the task cards use too.
        var counts = await db.CoopTasks.AsNoTracking().Where(t => ids.Contains(t.CampaignId))
            .GroupBy(t => new { t.CampaignId, t.CampaignTaskId, t.Status })
            .Select(g => new { g.Key.CampaignId, g.Key.CampaignTaskId, g.Key.Status, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var dueOf = await db.CampaignTasks.AsNoTracking().Where(t => ids.Contains(t.CampaignId))
            .ToDictionaryAsync(t => t.Id, t => (DateTime?)t.DueAtUtc, cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        // Withdrawn tasks are counted apart: the campaign's total is what was owed before it was cancelled, never "pending".
        var progress = counts.GroupBy(c => c.CampaignId).ToDictionary(g => g.Key, g => new
        {
            All = g.Sum(c => c.Count),
            Total = g.Where(c => c.Status != CoopTaskStatus.Cancelled).Sum(c => c.Count),
            Withdrawn = g.Where(c => c.Status == CoopTaskStatus.Cancelled).Sum(c => c.Count),
            Finished = g.Where(c => CoopTaskStatuses.IsAnswered(c.Status)).Sum(c => c.Count),
            Blocked = g.Where(c => c.Status == CoopTaskStatus.Blocked).Sum(c => c.Count),
            Overdue = g.Where(c => TaskDueDate.IsOverdue(c.Status, dueOf.GetValueOrDefault(c.CampaignTaskId), now)).Sum(c => c.Count),
        });
        return [.. campaigns.OrderByDescending(c => c.LaunchedAtUtc).Select(c =>
        {
            var p = progress.GetValueOrDefault(c.Id);
            // A launch gives every co-op of its audience every task, so co-ops = co-op tasks ÷ tasks (no second scan).
            var coops = c.Tasks == 0 ? 0 : (p?.All ?? 0) / c.Tasks;
            return new CampaignSummary(c.Id, c.Title, c.LaunchedAtUtc, c.LaunchedBy, c.Audience, c.AudienceFilter, c.Tasks,
                coops, p?.Finished ?? 0, p?.Total ?? 0, p?.Blocked ?? 0, p?.Overdue ?? 0)
            {
                Withdrawn = p?.Withdrawn ?? 0,
                Cancellation = c.CancelledAtUtc is { } at ? new CampaignCancellation(c.CancelledBy ?? "", at, c.CancellationReason ?? "") : null,
            };
        })];
    }

    /// <summary>The playbooks an officer can launch, with their steps.</summary>
    public async Task<IReadOnlyList<PlaybookOption>> PlaybooksAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var playbooks = await db.Playbooks.AsNoTracking().Include(p => p.Steps).Where(p => !p.IsArchived)
            .OrderBy(p => p.Name).ToListAsync(cancellationToken);
        return [.. playbooks.Select(p => new PlaybookOption(p.Id, p.Name, p.Description,
            [.. p.Steps.OrderBy(s => s.Order).Select(s => new CampaignTaskInput(s.Title, s.Instructions, s.DueInBusinessDays, s.EvidenceRequired, s.AnswerType))]))];
    }

    private static async Task<IReadOnlyList<CampaignTaskInput>> TasksAsync(
        IncidentDeskDbContext db, CampaignLaunch launch, FieldErrors errors, CancellationToken cancellationToken)
    {
        IReadOnlyList<CampaignTaskInput> tasks = launch.Tasks ?? [];
        if (launch.PlaybookId is { } playbookId)
        {
            var steps = await db.PlaybookSteps.AsNoTracking().Where(s => s.PlaybookId == playbookId)
                .OrderBy(s => s.Order).ToListAsync(cancellationToken);
            if (steps.Count == 0 || !await db.Playbooks.AnyAsync(p => p.Id == playbookId && !p.IsArchived, cancellationToken))
            {
                errors.Add(CampaignField.Playbook, CampaignError.Unknown);
                return [];
            }

            tasks = [.. steps.Select(s => new CampaignTaskInput(s.Title, s.Instructions, s.DueInBusinessDays, s.EvidenceRequired, s.AnswerType)), .. tasks];
        }

        if (tasks.Count == 0)
        {
            errors.Add(CampaignField.Tasks, CampaignError.Required);
        }
        else if (tasks.Count > CampaignLimits.MaxTasks)
        {
            errors.Add(CampaignField.Tasks, CampaignError.TooManyTasks);
        }

        for (var i = 0; i < tasks.Count; i++)
        {
            var task = tasks[i];
            FieldRules.Text(errors, CampaignField.Task(i, "Title"), task.Title, CampaignLimits.Title, required: true);
            FieldRules.Text(errors, CampaignField.Task(i, "Instructions"), task.Instructions, CampaignLimits.Instructions, required: false);
            if (task.DueInBusinessDays is < 0 or > CampaignLimits.MaxDueInBusinessDays)
            {
                errors.Add(CampaignField.Task(i, "DueInBusinessDays"), CampaignError.OutOfRange);
            }

            if (!Enum.IsDefined(task.AnswerType))
            {
                errors.Add(CampaignField.Task(i, "AnswerType"), CampaignError.Unknown);
            }
        }

        return tasks;
    }

    private static async Task<List<int>> AudienceAsync(
        IncidentDeskDbContext db, CampaignLaunch launch, FieldErrors errors, CancellationToken cancellationToken)
    {
        var filter = launch.AudienceFilter?.Trim().ToUpperInvariant();
        var coops = db.Coops.AsNoTracking().Where(c => c.IsActive);
        IQueryable<int>? ids = launch.Audience switch
        {
            CampaignAudience.AllCoops => coops.Select(c => c.Id),
            CampaignAudience.InvolvedCoops => db.CoopInvolvements.AsNoTracking()
                .Where(v => v.IncidentId == launch.IncidentId && v.Role != InvolvementRole.NotAffected).Select(v => v.CoopId),
            CampaignAudience.Uf when Core.Coops.BrazilianStates.IsValidUf(filter) => coops.Where(c => c.Uf == filter).Select(c => c.Id),
            CampaignAudience.Federation when !string.IsNullOrEmpty(filter) =>
                coops.Where(c => c.Federation!.Code == filter).Select(c => c.Id),
            _ => null,
        };
        if (ids is null)
        {
            errors.Add(CampaignField.Audience, CampaignError.Unknown);
            return [];
        }

        var list = await ids.OrderBy(id => id).ToListAsync(cancellationToken);
        if (list.Count == 0)
        {
            errors.Add(CampaignField.Audience, CampaignError.NoCoops);
        }

        return list;
    }

    private static string LaunchDescription(Campaign campaign, int coops) => string.Create(CultureInfo.GetCultureInfo("pt-BR"),
        $"{campaign.Tasks.Count} tarefa(s) para {coops} cooperativa(s): {string.Join("; ", campaign.Tasks.Select(t => t.Title))}");

    private static string Summary(Campaign campaign, int coops, ActiveCampaign? duplicate, string? reason) => JsonSerializer.Serialize(new
    {
        campaign.IncidentId, campaign.Title, campaign.PlaybookId, Audience = campaign.Audience.ToString(), campaign.AudienceFilter,
        Tasks = campaign.Tasks.Count, Coops = coops, CoopTasks = campaign.Tasks.Count * coops,
        DuplicateOf = duplicate?.Id, DuplicateReason = duplicate is null ? null : reason?.Trim(),
    });
}
