using System.Globalization;
using IncidentDesk.Core.Campaigns;
using IncidentDesk.Data.Audit;
using IncidentDesk.IntegrationTests.Incidents;
using IncidentDesk.Web.Features.Audit;
using IncidentDesk.Web.Features.Campaigns;
using IncidentDesk.Web.Features.Campaigns.Matrix;
using IncidentDesk.Web.Features.Campaigns.Overdue;
using IncidentDesk.Web.Features.Campaigns.Tasks;
using IncidentDesk.Web.Features.Dashboard;
using IncidentDesk.Web.Features.Mail.Runs;
using IncidentDesk.Core.Mail;
using IncidentDesk.Testing;
using IncidentDesk.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentDesk.IntegrationTests.Campaigns;

/// <summary>
/// A campaign launched by mistake is withdrawn: its unanswered tasks close as Cancelled (terminal, never pending, overdue
/// or reminded), answers already given stay, the campaign keeps who, when and why, and one audit entry records it.
/// </summary>
public sealed class CampaignCancellationTests(OwnHostFixture fixture) : IClassFixture<OwnHostFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(int IncidentId, int CampaignId, int SpId)> LaunchedAsync(int dueInBusinessDays = 2)
    {
        var incidentId = await fixture.NewIncidentAsync();
        CampaignTaskInput[] tasks =
        [
            new("Isolar o broker", null, dueInBusinessDays, false, TaskAnswerType.StatusOnly),
            new("Trocar as credenciais", null, dueInBusinessDays, false, TaskAnswerType.StatusOnly),
            new("Revisar os logs de acesso", null, dueInBusinessDays, false, TaskAnswerType.StatusOnly),
        ];
        var launched = await fixture.LaunchAsync(new CampaignLaunch(incidentId, "Campanha por engano", null, tasks, CampaignAudience.InvolvedCoops));
        Assert.True(launched.Succeeded, launched.ToString());
        return (incidentId, launched.Value.CampaignId, await fixture.CoopIdAsync("SP-004"));
    }

    private async Task<CoopTaskView> AnswerAsync(int campaignId, int order, CoopTaskStatus status, int spId)
    {
        await using var liaison = Audit.ActingAs.Scope(fixture.Host, AppRoles.CoopLiaison, spId);
        var tasks = liaison.ServiceProvider.GetRequiredService<CoopTaskService>();
        var task = (await tasks.MyTasksAsync(includeFinished: true, Ct)).Single(t => t.CampaignId == campaignId && t.Order == order);
        var result = await tasks.UpdateStatusAsync(task.Id, new TaskStatusInput(status, "Feito pela equipe", null, task.Version), Ct);
        Assert.True(result.Succeeded, result.ToString());
        return result.Value;
    }

    [Fact]
    public async Task Cancelling_closes_only_the_unanswered_tasks_marks_the_campaign_and_leaves_one_audit_entry()
    {
        var (_, campaignId, spId) = await LaunchedAsync();
        var done = await AnswerAsync(campaignId, 1, CoopTaskStatus.Done, spId);
        await AnswerAsync(campaignId, 2, CoopTaskStatus.InProgress, spId);

        var result = await fixture.CancelAsync(campaignId, "Lançada no incidente errado");

        Assert.True(result.Succeeded, result.ToString());
        Assert.Equal((2, 1), (result.Value.Withdrawn, result.Value.KeptAnswered));
        await using var db = fixture.CreateDb();
        var statuses = await db.CoopTasks.Where(t => t.CampaignId == campaignId).OrderBy(t => t.CampaignTask!.Order)
            .Select(t => t.Status).ToListAsync(Ct);
        Assert.Equal([CoopTaskStatus.Done, CoopTaskStatus.Cancelled, CoopTaskStatus.Cancelled], statuses);
        var kept = await db.CoopTasks.SingleAsync(t => t.Id == done.Id, Ct);
        Assert.Equal((done.Version, "Feito pela equipe"), (kept.Version, kept.Note));
        var campaign = await db.Campaigns.SingleAsync(c => c.Id == campaignId, Ct);
        Assert.Equal("Lançada no incidente errado", campaign.CancellationReason);
        Assert.Equal("privacyofficer@federacao.example", campaign.CancelledBy);
        Assert.NotNull(campaign.CancelledAtUtc);
        var entry = await db.AuditEntries.SingleAsync(e => e.Action == CampaignCancellationService.CancelledAction
            && e.EntityId == campaignId.ToString(CultureInfo.InvariantCulture), Ct);
        using var changes = System.Text.Json.JsonDocument.Parse(entry.Changes!);
        Assert.Equal("Lançada no incidente errado", changes.RootElement.GetProperty("Reason").GetString());
        Assert.Equal((2, 1), (changes.RootElement.GetProperty("Withdrawn").GetInt32(), changes.RootElement.GetProperty("KeptAnswered").GetInt32()));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public async Task A_cancellation_without_a_reason_is_refused_and_changes_nothing(string? reason)
    {
        var (_, campaignId, _) = await LaunchedAsync();

        var result = await fixture.CancelAsync(campaignId, reason);

        Assert.True(result.IsInvalid, result.ToString());
        Assert.Equal(CampaignError.Required, result.ErrorCodes[CampaignField.Reason]);
        await using var db = fixture.CreateDb();
        Assert.True(await db.CoopTasks.Where(t => t.CampaignId == campaignId).AllAsync(t => t.Status == CoopTaskStatus.Open, Ct));
        Assert.Null((await db.Campaigns.SingleAsync(c => c.Id == campaignId, Ct)).CancelledAtUtc);
    }

    [Fact]
    public async Task A_second_cancellation_is_a_conflict_naming_who_cancelled_it()
    {
        var (_, campaignId, _) = await LaunchedAsync();
        Assert.True((await fixture.CancelAsync(campaignId, "Engano")).Succeeded);

        var again = await fixture.CancelAsync(campaignId, "De novo");

        Assert.True(again.IsConflict);
        Assert.Equal(CampaignError.AlreadyCancelled, again.Conflict!.Code);
        Assert.Equal("Engano", again.CurrentState<CampaignCancellation>()!.Reason);
    }

    [Fact]
    public async Task The_liaison_sees_the_task_as_withdrawn_in_their_history_not_in_their_to_do_and_cannot_answer_it()
    {
        var (_, campaignId, spId) = await LaunchedAsync();
        await fixture.CancelAsync(campaignId, "Engano");
        await using var liaison = Audit.ActingAs.Scope(fixture.Host, AppRoles.CoopLiaison, spId);
        var tasks = liaison.ServiceProvider.GetRequiredService<CoopTaskService>();

        var toDo = await tasks.MyTasksAsync(includeFinished: false, Ct);
        var history = await tasks.MyTasksAsync(includeFinished: true, Ct);
        var withdrawn = history.First(t => t.CampaignId == campaignId);
        var answer = await tasks.UpdateStatusAsync(withdrawn.Id, new TaskStatusInput(CoopTaskStatus.Done, null, null, withdrawn.Version), Ct);

        Assert.DoesNotContain(toDo, t => t.CampaignId == campaignId);
        Assert.Equal(3, history.Count(t => t.CampaignId == campaignId && t.Status == CoopTaskStatus.Cancelled));
        Assert.True(answer.IsConflict);
        Assert.Equal(CampaignError.TaskWithdrawn, answer.Conflict!.Code);
        await using var db = fixture.CreateDb();
        Assert.Equal(CoopTaskStatus.Cancelled, (await db.CoopTasks.SingleAsync(t => t.Id == withdrawn.Id, Ct)).Status);
    }

    [Fact]
    public async Task Nobody_sets_cancelled_on_a_task_by_answering_it()
    {
        var (_, campaignId, spId) = await LaunchedAsync();
        await using var liaison = Audit.ActingAs.Scope(fixture.Host, AppRoles.CoopLiaison, spId);
        var tasks = liaison.ServiceProvider.GetRequiredService<CoopTaskService>();
        var task = (await tasks.MyTasksAsync(cancellationToken: Ct)).First(t => t.CampaignId == campaignId);

        var result = await tasks.UpdateStatusAsync(task.Id, new TaskStatusInput(CoopTaskStatus.Cancelled, "Não quero", null, task.Version), Ct);

        Assert.True(result.IsInvalid, result.ToString());
    }

    [Theory]
    [InlineData(AppRoles.CoopLiaison, "SP-004")]
    [InlineData(AppRoles.CoopLiaison, "RJ-001")]
    [InlineData(AppRoles.Auditor, null)]
    public async Task Only_officers_cancel_and_the_refusal_is_audited(string role, string? coopCode)
    {
        var (_, campaignId, _) = await LaunchedAsync();
        var coopId = coopCode is null ? (int?)null : await fixture.CoopIdAsync(coopCode);
        await using var db = fixture.CreateDb();
        var denials = await db.AuditEntries.CountAsync(e => e.Action == AuditActions.AccessDenied, Ct);

        var result = await fixture.CancelAsync(campaignId, "Tentativa", role, coopId);

        Assert.True(result.IsForbidden);
        Assert.Equal(denials + 1, await db.AuditEntries.CountAsync(e => e.Action == AuditActions.AccessDenied, Ct));
        Assert.True(await db.CoopTasks.Where(t => t.CampaignId == campaignId).AllAsync(t => t.Status == CoopTaskStatus.Open, Ct));
    }

    [Fact]
    public async Task Another_coops_liaison_does_not_see_the_withdrawn_tasks()
    {
        var (_, campaignId, _) = await LaunchedAsync();
        await fixture.CancelAsync(campaignId, "Engano");
        await using var db = fixture.CreateDb();
        var spTask = await db.CoopTasks.Where(t => t.CampaignId == campaignId).Select(t => t.Id).FirstAsync(Ct);
        await using var other = Audit.ActingAs.Scope(fixture.Host, AppRoles.CoopLiaison, await fixture.CoopIdAsync("RJ-001"));
        var tasks = other.ServiceProvider.GetRequiredService<CoopTaskService>();

        Assert.Null(await tasks.GetAsync(spTask, Ct));
        Assert.DoesNotContain(await tasks.MyTasksAsync(includeFinished: true, Ct), t => t.CampaignId == campaignId);
    }

    [Fact]
    public async Task Withdrawn_tasks_past_their_due_date_are_never_overdue_in_lists_matrix_or_dashboard()
    {
        // Due today at the latest (0 business days), then moved into the past: overdue if anything still owed it.
        var (incidentId, campaignId, spId) = await LaunchedAsync(dueInBusinessDays: 0);
        await using (var db = fixture.CreateDb())
        {
            await db.ArrangeAsync(async d => await d.CampaignTasks.Where(t => t.CampaignId == campaignId)
                .ForEachAsync(t => t.DueAtUtc = DateTime.UtcNow.AddDays(-3), Ct), Ct);
        }

        int lateBefore;
        await using (var officer = Audit.ActingAs.Scope(fixture.Host, AppRoles.PrivacyOfficer))
        {
            var before = await officer.ServiceProvider.GetRequiredService<CampaignProgressService>().OverdueAsync(campaignId, Ct);
            Assert.Equal(3, Assert.Single(before!.Coops).OverdueTasks);
            lateBefore = LateOf(await officer.ServiceProvider.GetRequiredService<DashboardService>().MostOverdueCoopsAsync(Ct), spId);
        }

        await fixture.CancelAsync(campaignId, "Engano");

        await using var scope = Audit.ActingAs.Scope(fixture.Host, AppRoles.PrivacyOfficer);
        var progress = scope.ServiceProvider.GetRequiredService<CampaignProgressService>();
        var overdue = await progress.OverdueAsync(campaignId, Ct);
        var summary = (await scope.ServiceProvider.GetRequiredService<CampaignService>().ListAsync(incidentId, Ct))!.Single();
        var dashboard = scope.ServiceProvider.GetRequiredService<DashboardService>();
        var mostOverdue = await dashboard.MostOverdueCoopsAsync(Ct);
        var rows = await dashboard.CampaignProgressAsync(Ct);
        Assert.Empty(overdue!.Coops);
        Assert.Equal((0, 0, 3), (summary.Overdue, summary.Total, summary.Withdrawn));
        Assert.NotNull(summary.Cancellation);
        Assert.DoesNotContain(rows, r => r.CampaignId == campaignId);
        Assert.Equal(lateBefore - 3, LateOf(mostOverdue, spId));
        await using var liaison = Audit.ActingAs.Scope(fixture.Host, AppRoles.CoopLiaison, spId);
        Assert.All((await liaison.ServiceProvider.GetRequiredService<CoopTaskService>().MyTasksAsync(true, Ct))
            .Where(t => t.CampaignId == campaignId), t => Assert.False(t.IsOverdue));

        // The dashboard's list spans every open incident of the host: SP-004 may be late elsewhere too, so compare counts.
        static int LateOf(IReadOnlyList<OverdueCoop> coops, int coopId) => coops.SingleOrDefault(c => c.CoopId == coopId)?.OverdueTasks ?? 0;
    }
    [Fact]
    public async Task The_reminder_run_reminds_nobody_of_a_withdrawn_task_while_it_still_reminds_of_late_work()
    {
        var liaison = await TestAccounts.CreateAsync(fixture.Host, AppRoles.CoopLiaison, "SP-004", twoFactor: false);
        var incidentId = await fixture.NewIncidentAsync();
        var tag = Guid.NewGuid().ToString("N")[..8];
        var withdrawn = await fixture.LaunchAsync(new CampaignLaunch(incidentId, $"Lançada por engano {tag}", null,
            [new($"Tarefa retirada {tag}", null, 1, false, TaskAnswerType.StatusOnly)], CampaignAudience.InvolvedCoops));
        var standing = await fixture.LaunchAsync(new CampaignLaunch(incidentId, $"Campanha em curso {tag}", null,
            [new($"Tarefa atrasada {tag}", null, 1, false, TaskAnswerType.StatusOnly)], CampaignAudience.InvolvedCoops));
        // Both due on Monday 1 March 2027; the run of Tuesday 2 March finds both a business day late.
        var day = new DateOnly(2027, 3, 2);
        int[] ids = [withdrawn.Value.CampaignId, standing.Value.CampaignId];
        await using (var db = fixture.CreateDb())
        {
            await db.ArrangeAsync(async d => await d.CampaignTasks.Where(t => ids.Contains(t.CampaignId))
                .ForEachAsync(t => t.DueAtUtc = Core.Common.Brasilia.EndOfDayUtc(day.AddDays(-1)), Ct), Ct);
        }

        await fixture.CancelAsync(withdrawn.Value.CampaignId, "Engano");
        await fixture.Host.Services.GetRequiredService<ReminderRun>().RunAsync(day, DateTime.UtcNow, Ct);

        await using var check = fixture.CreateDb();
        var address = liaison.Email.ToLowerInvariant();
        var digest = await check.OutboxMails.SingleAsync(m => m.ToAddress == address && m.DedupKey.Contains($"|{MailKind.LiaisonDigest}|"), Ct);
        Assert.Contains($"Tarefa atrasada {tag}", digest.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain($"Tarefa retirada {tag}", digest.TextBody, StringComparison.Ordinal);
        // Neither the encarregado's copy nor the officers' digest counts the withdrawn campaign as late (its launch notice went out before).
        MailKind[] reminders = [MailKind.LiaisonDigest, MailKind.Escalation, MailKind.OfficerDigest];
        var sent = await check.OutboxMails.Where(m => reminders.Contains(m.Kind)).Select(m => m.TextBody ?? "").ToListAsync(Ct);
        Assert.Contains(sent, body => body.Contains($"Campanha em curso {tag}", StringComparison.Ordinal));
        Assert.DoesNotContain(sent, body => body.Contains($"Lançada por engano {tag}", StringComparison.Ordinal)
            || body.Contains($"Tarefa retirada {tag}", StringComparison.Ordinal));
    }
}
