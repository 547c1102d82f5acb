using System.Globalization;
using IncidentDesk.Core.Campaigns;
using IncidentDesk.IntegrationTests.Audit;
using IncidentDesk.IntegrationTests.Incidents;
using IncidentDesk.Testing;
using ActingAs = IncidentDesk.IntegrationTests.Audit.ActingAs;
using IncidentDesk.Web.Features.Audit;
using IncidentDesk.Web.Features.Campaigns;
using IncidentDesk.Web.Outcomes;
using IncidentDesk.Web.Features.Live;
using IncidentDesk.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentDesk.IntegrationTests.Campaigns;

public sealed class CoopTaskUpdateTests(OwnHostFixture fixture) : IClassFixture<OwnHostFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<int> CoopIdAsync(string code)
    {
        await using var db = fixture.CreateDb();
        return await db.Coops.Where(c => c.Code == code).Select(c => c.Id).SingleAsync(Ct);
    }

    /// <summary>A fresh campaign of two tasks (yes/no with evidence; status only) to every co-op; returns its id.</summary>
    private async Task<int> LaunchAsync()
    {
        var incidentId = await fixture.ReferenceIncidentIdAsync();
        await using var scope = ActingAs.Scope(fixture.Host, AppRoles.PrivacyOfficer);
        CampaignTaskInput[] tasks =
        [
            new("Confirmar o uso do aplicativo", "Sim ou não, com evidência.", 1, true, TaskAnswerType.YesNo),
            new("Fechar listeners públicos", null, 2, false, TaskAnswerType.StatusOnly),
        ];
        var result = await scope.ServiceProvider.GetRequiredService<CampaignService>()
            .LaunchAsync(new CampaignLaunch(incidentId, $"Campanha {Guid.NewGuid():N}", null, tasks, CampaignAudience.AllCoops), Ct);
        return result.Value.CampaignId;
    }

    private async Task<CoopTask> TaskAsync(int campaignId, string coopCode, int order)
    {
        var coopId = await CoopIdAsync(coopCode);
        await using var db = fixture.CreateDb();
        return await db.CoopTasks.AsNoTracking().SingleAsync(t => t.CampaignId == campaignId && t.CoopId == coopId && t.CampaignTask!.Order == order, Ct);
    }

    private async Task<Result<CoopTaskView>> UpdateAsync(int taskId, TaskStatusInput input, string role, string? coopCode)
    {
        var coopId = coopCode is null ? (int?)null : await CoopIdAsync(coopCode);
        await using var scope = ActingAs.Scope(fixture.Host, role, coopId);
        return await scope.ServiceProvider.GetRequiredService<CoopTaskService>().UpdateStatusAsync(taskId, input, Ct);
    }

    [Fact]
    public async Task A_liaison_updates_their_coops_task_which_is_audited_on_the_timeline_and_published()
    {
        var campaignId = await LaunchAsync();
        var task = await TaskAsync(campaignId, "SP-004", order: 2);
        var published = new TaskCompletionSource<DeskChange>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var _ = fixture.Host.Services.GetRequiredService<IChangeFeed>().Subscribe(c =>
        {
            if (c.EntityId == task.Id)
            {
                published.TrySetResult(c);
            }

            return Task.CompletedTask;
        });

        var result = await UpdateAsync(task.Id, new TaskStatusInput(CoopTaskStatus.InProgress, "Equipe de rede acionada", null, task.Version),
            AppRoles.CoopLiaison, "SP-004");

        Assert.True(result.Succeeded);
        Assert.Equal(CoopTaskStatus.InProgress, result.Value.Status);
        Assert.Equal(task.Version + 1, result.Value.Version);
        var change = await published.Task.WaitAsync(TimeSpan.FromSeconds(5), Ct);
        Assert.Equal((ChangeKind.Task, task.CoopId), (change.Kind, change.CoopId));
        await using var db = fixture.CreateDb();
        Assert.True(await db.AuditEntries.AnyAsync(e => e.EntityType == nameof(CoopTask)
            && e.EntityId == task.Id.ToString(CultureInfo.InvariantCulture) && e.Changes!.Contains("\"Status\"") && e.Changes.Contains("Equipe de rede acionada"), Ct));
        Assert.True(await db.TimelineEvents.AnyAsync(e => e.Title.StartsWith("SP-004 · Fechar listeners públicos: Aberta → Em andamento"), Ct));
    }

    [Fact]
    public async Task Another_coops_task_is_not_found_for_a_liaison_and_the_attempt_is_audited()
    {
        var campaignId = await LaunchAsync();
        var other = await TaskAsync(campaignId, "RJ-001", order: 2);
        await using var db = fixture.CreateDb();
        var denialsBefore = await db.AuditEntries.CountAsync(e => e.Action == AuditActions.AccessDenied && e.EntityId == other.Id.ToString(CultureInfo.InvariantCulture), Ct);

        var result = await UpdateAsync(other.Id, new TaskStatusInput(CoopTaskStatus.Done, null, null, other.Version), AppRoles.CoopLiaison, "SP-004");
        CoopTaskView? read;
        await using (var scope = ActingAs.Scope(fixture.Host, AppRoles.CoopLiaison, await CoopIdAsync("SP-004")))
        {
            read = await scope.ServiceProvider.GetRequiredService<CoopTaskService>().GetAsync(other.Id, Ct);
        }

        Assert.Equal(ResultStatus.NotFound, result.Status);
        Assert.Null(read);
        Assert.Equal(CoopTaskStatus.Open, (await TaskAsync(campaignId, "RJ-001", order: 2)).Status);
        Assert.Equal(denialsBefore + 2, await db.AuditEntries.CountAsync(e => e.Action == AuditActions.AccessDenied && e.EntityId == other.Id.ToString(CultureInfo.InvariantCulture), Ct));
    }

    [Fact]
    public async Task Two_simultaneous_updates_of_one_task_exactly_one_wins_and_the_other_sees_the_winner()
    {
        var campaignId = await LaunchAsync();
        var task = await TaskAsync(campaignId, "SP-004", order: 2);

        var results = await Task.WhenAll(
            UpdateAsync(task.Id, new TaskStatusInput(CoopTaskStatus.InProgress, null, null, task.Version), AppRoles.CoopLiaison, "SP-004"),
            UpdateAsync(task.Id, new TaskStatusInput(CoopTaskStatus.Blocked, "Aguardando fornecedor", null, task.Version), AppRoles.PrivacyOfficer, null));

        Assert.Single(results, r => r.Status == ResultStatus.Success);
        var loser = Assert.Single(results, r => r.Status == ResultStatus.Conflict).CurrentState<CoopTaskView>();
        var winner = results.Single(r => r.Succeeded).Value;
        Assert.Equal(winner.Status, loser!.Status);
        Assert.Equal(winner.UpdatedBy, loser.UpdatedBy);
        Assert.Equal(task.Version + 1, (await TaskAsync(campaignId, "SP-004", order: 2)).Version);
    }

    [Fact]
    public async Task An_update_made_on_a_stale_version_is_a_conflict_that_shows_who_changed_it()
    {
        var campaignId = await LaunchAsync();
        var task = await TaskAsync(campaignId, "SP-004", order: 2);
        await UpdateAsync(task.Id, new TaskStatusInput(CoopTaskStatus.InProgress, null, null, task.Version), AppRoles.PrivacyOfficer, null);

        var stale = await UpdateAsync(task.Id, new TaskStatusInput(CoopTaskStatus.NotApplicable, "Não usamos Kafka", null, task.Version),
            AppRoles.CoopLiaison, "SP-004");

        Assert.Equal(ResultStatus.Conflict, stale.Status);
        Assert.Equal(CoopTaskStatus.InProgress, stale.CurrentState<CoopTaskView>()!.Status);
        Assert.Equal("privacyofficer@federacao.example", stale.CurrentState<CoopTaskView>()!.UpdatedBy);
    }

    [Theory]
    [InlineData(null, TaskUpdateRefusal.AnswerRequired)]
    [InlineData("talvez", TaskUpdateRefusal.AnswerInvalid)]
    [InlineData("não", TaskUpdateRefusal.EvidenceRequired)]
    public async Task Done_needs_the_answer_and_the_evidence_the_task_asks_for(string? answer, TaskUpdateRefusal refusal)
    {
        var campaignId = await LaunchAsync();
        var task = await TaskAsync(campaignId, "SP-004", order: 1);

        var result = await UpdateAsync(task.Id, new TaskStatusInput(CoopTaskStatus.Done, null, answer, task.Version), AppRoles.CoopLiaison, "SP-004");

        Assert.Equal(ResultStatus.Invalid, result.Status);
        Assert.Equal(refusal.ToString(), Assert.Single(result.Errors).Code);
        Assert.Equal(CoopTaskStatus.Open, (await TaskAsync(campaignId, "SP-004", order: 1)).Status);
    }

    [Fact]
    public async Task Auditors_read_but_cannot_update()
    {
        var campaignId = await LaunchAsync();
        var task = await TaskAsync(campaignId, "SP-004", order: 2);

        Assert.True((await UpdateAsync(task.Id, new TaskStatusInput(CoopTaskStatus.Done, null, null, task.Version), AppRoles.Auditor, null)).IsForbidden);
    }

    [Fact]
    public async Task A_liaisons_task_list_holds_only_their_coops_tasks_soonest_first_with_overdue_flagged()
    {
        var campaignId = await LaunchAsync();
        var overdue = await TaskAsync(campaignId, "SP-004", order: 2);
        await using (var db = fixture.CreateDb())
        {
            await db.ArrangeAsync(d => d.CampaignTasks.Where(t => t.Id == overdue.CampaignTaskId)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.DueAtUtc, DateTime.UtcNow.AddDays(-1)), Ct), Ct);
        }

        IReadOnlyList<CoopTaskView> mine;
        var coopId = await CoopIdAsync("SP-004");
        await using (var scope = ActingAs.Scope(fixture.Host, AppRoles.CoopLiaison, coopId))
        {
            mine = await scope.ServiceProvider.GetRequiredService<CoopTaskService>().MyTasksAsync(cancellationToken: Ct);
        }

        Assert.NotEmpty(mine);
        Assert.All(mine, t => Assert.Equal(coopId, t.CoopId));
        Assert.Equal(mine.OrderBy(t => t.DueAtUtc).Select(t => t.Id), mine.Select(t => t.Id));
        Assert.True(mine.Single(t => t.Id == overdue.Id).IsOverdue);
        Assert.False(mine.Single(t => t.CampaignId == campaignId && t.Order == 1).IsOverdue);
    }
}
