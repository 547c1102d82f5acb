using IncidentDesk.Core.Campaigns;
using IncidentDesk.Core.Timeline;
using IncidentDesk.Data.Seeding;
using IncidentDesk.IntegrationTests.Audit;
using IncidentDesk.IntegrationTests.Incidents;
using IncidentDesk.Web.Features.Audit;
using IncidentDesk.Web.Features.Campaigns;
using IncidentDesk.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using IncidentDesk.Web.Outcomes;

namespace IncidentDesk.IntegrationTests.Campaigns;

public sealed class CampaignLaunchTests(OwnHostFixture fixture) : IClassFixture<OwnHostFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static IReadOnlyList<CampaignTaskInput> AdHoc(int count) =>
        [.. Enumerable.Range(1, count).Select(i => new CampaignTaskInput($"Tarefa {i}", "Instruções", 3, false, TaskAnswerType.StatusOnly))];

    private async Task<Result<LaunchedCampaign>> LaunchAsync(CampaignLaunch launch, string role = AppRoles.PrivacyOfficer, int? coopId = null)
    {
        await using var scope = ActingAs.Scope(fixture.Host, role, coopId);
        return await scope.ServiceProvider.GetRequiredService<CampaignService>().LaunchAsync(launch, Ct);
    }

    [Fact]
    public async Task The_playbook_to_all_340_coops_makes_exactly_340_times_8_tasks_one_audit_entry_and_one_timeline_event()
    {
        var incidentId = await fixture.ReferenceIncidentIdAsync();
        await using var db = fixture.CreateDb();
        var playbook = await db.Playbooks.SingleAsync(p => p.Name == PlaybookSeed.ExposedBrokerName, Ct);
        var title = $"Broker exposto {Guid.NewGuid():N}";

        var result = await LaunchAsync(new CampaignLaunch(incidentId, title, playbook.Id, null, CampaignAudience.AllCoops));

        Assert.True(result.Succeeded, string.Join(", ", result.Errors));
        Assert.Equal((8, 340), (result.Value.TaskCount, result.Value.CoopCount));
        await using var check = fixture.CreateDb();
        var campaignId = result.Value.CampaignId;
        Assert.Equal(340 * 8, await check.CoopTasks.CountAsync(t => t.CampaignId == campaignId, Ct));
        Assert.Equal(340, await check.CoopTasks.Where(t => t.CampaignId == campaignId).Select(t => t.CoopId).Distinct().CountAsync(Ct));
        Assert.True(await check.CoopTasks.Where(t => t.CampaignId == campaignId).AllAsync(t => t.Status == CoopTaskStatus.Open, Ct));
        var tasks = await check.CampaignTasks.Where(t => t.CampaignId == campaignId).OrderBy(t => t.Order).ToListAsync(Ct);
        Assert.Equal(TaskAnswerType.YesNo, tasks[0].AnswerType);
        Assert.True(tasks[0].EvidenceRequired);
        Assert.All(tasks, t => Assert.True(t.DueAtUtc > DateTime.UtcNow));
        Assert.Single(await check.AuditEntries.Where(e => e.Action == CampaignService.LaunchedAction
            && e.EntityId == campaignId.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToListAsync(Ct));
        var events = await check.TimelineEvents.Where(e => e.IncidentId == incidentId && e.Title == $"Campanha lançada: {title}").ToListAsync(Ct);
        Assert.Equal(TimelineEventKind.Task, Assert.Single(events).Kind);
    }

    [Fact]
    public async Task Twelve_ad_hoc_tasks_to_every_coop_make_4080_coop_tasks_due_on_business_days()
    {
        var incidentId = await fixture.ReferenceIncidentIdAsync();

        var result = await LaunchAsync(new CampaignLaunch(incidentId, "Doze tarefas", null, AdHoc(12), CampaignAudience.AllCoops));

        Assert.Equal(340 * 12, result.Value.CoopTaskCount);
        await using var db = fixture.CreateDb();
        Assert.Equal(4080, await db.CoopTasks.CountAsync(t => t.CampaignId == result.Value.CampaignId, Ct));
        var dues = await db.CampaignTasks.Where(t => t.CampaignId == result.Value.CampaignId).Select(t => t.DueAtUtc).ToListAsync(Ct);
        Assert.All(dues, due => Assert.True(
            Core.Compliance.BusinessCalendar.Default.IsBusinessDay(Core.Common.Brasilia.Day(due.AddTicks(-1)), Core.Compliance.DeadlineMode.Working),
            $"{due:O} is not the end of a business day"));
    }

    [Theory]
    [InlineData(CampaignAudience.InvolvedCoops, null)]
    [InlineData(CampaignAudience.Uf, "sp")]
    [InlineData(CampaignAudience.Federation, "FED-MG")]
    public async Task A_campaign_reaches_exactly_its_audience(CampaignAudience audience, string? filter)
    {
        var incidentId = await fixture.ReferenceIncidentIdAsync();
        await using var db = fixture.CreateDb();
        var expected = audience switch
        {
            CampaignAudience.InvolvedCoops => await db.CoopInvolvements.Where(v => v.IncidentId == incidentId
                && v.Role != Core.Incidents.InvolvementRole.NotAffected).Select(v => v.CoopId).ToListAsync(Ct),
            CampaignAudience.Uf => await db.Coops.Where(c => c.Uf == "SP" && c.IsActive).Select(c => c.Id).ToListAsync(Ct),
            _ => await db.Coops.Where(c => c.Federation!.Code == filter && c.IsActive).Select(c => c.Id).ToListAsync(Ct),
        };

        var result = await LaunchAsync(new CampaignLaunch(incidentId, $"Público {audience}", null, AdHoc(2), audience, filter));

        Assert.True(result.Succeeded, string.Join(", ", result.Errors));
        await using var check = fixture.CreateDb();
        var reached = await check.CoopTasks.Where(t => t.CampaignId == result.Value.CampaignId).Select(t => t.CoopId).Distinct().ToListAsync(Ct);
        Assert.NotEmpty(expected);
        Assert.Equal(expected.Order(), reached.Order());
    }

    [Fact]
    public async Task Bad_input_is_refused_field_by_field_and_nothing_is_written()
    {
        var incidentId = await fixture.ReferenceIncidentIdAsync();
        await using var db = fixture.CreateDb();
        var before = await db.Campaigns.CountAsync(Ct);
        CampaignTaskInput[] tasks = [new("  ", null, 99, false, (TaskAnswerType)7)];

        var result = await LaunchAsync(new CampaignLaunch(incidentId, "", null, tasks, CampaignAudience.Uf, "XX"));

        Assert.False(result.Succeeded);
        Assert.Equal(CampaignError.Required, result.ErrorCodes[CampaignField.Title]);
        Assert.Equal(CampaignError.Required, result.ErrorCodes["Tasks[0].Title"]);
        Assert.Equal(CampaignError.OutOfRange, result.ErrorCodes["Tasks[0].DueInBusinessDays"]);
        Assert.Equal(CampaignError.Unknown, result.ErrorCodes["Tasks[0].AnswerType"]);
        Assert.Equal(CampaignError.Unknown, result.ErrorCodes[CampaignField.Audience]);
        Assert.Equal(before, await db.Campaigns.CountAsync(Ct));
    }

    [Theory]
    [InlineData(AppRoles.CoopLiaison)]
    [InlineData(AppRoles.Auditor)]
    public async Task Only_officers_launch_and_a_refused_attempt_is_audited(string role)
    {
        var incidentId = await fixture.ReferenceIncidentIdAsync();
        await using var db = fixture.CreateDb();
        var coopId = role == AppRoles.CoopLiaison ? await db.Coops.Where(c => c.Code == "SP-004").Select(c => c.Id).SingleAsync(Ct) : (int?)null;
        var denialsBefore = await db.AuditEntries.CountAsync(e => e.Action == AuditActions.AccessDenied, Ct);
        var title = $"Não autorizada {Guid.NewGuid():N}";

        Assert.True((await LaunchAsync(new CampaignLaunch(incidentId, title, null, AdHoc(1), CampaignAudience.AllCoops), role, coopId)).IsForbidden);

        Assert.Equal(denialsBefore + 1, await db.AuditEntries.CountAsync(e => e.Action == AuditActions.AccessDenied, Ct));
        Assert.False(await db.Campaigns.AnyAsync(c => c.Title == title, Ct));
    }
}
