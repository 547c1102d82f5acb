using IncidentDesk.Core.Campaigns;
using IncidentDesk.Data;
using IncidentDesk.IntegrationTests.Audit;
using IncidentDesk.IntegrationTests.Incidents;
using IncidentDesk.Web.Features.Campaigns;
using IncidentDesk.Web.Features.Campaigns.Matrix;
using IncidentDesk.Web.Features.Campaigns.Tasks;
using IncidentDesk.Web.Features.Live;
using IncidentDesk.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentDesk.IntegrationTests.Campaigns;

/// <summary>
/// Open matrices share one read of a campaign's changed cells per change (<see cref="SharedReads"/>), over the real SQLite
/// database. The reads are held while a first one runs, so that who joins whose read is certain rather than a race.
/// </summary>
public sealed class SharedMatrixReadTests(OwnHostFixture fixture) : IClassFixture<OwnHostFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private SharedReads Shared => fixture.Host.Services.GetRequiredService<SharedReads>();

    /// <summary>A campaign of two tasks to every co-op, with one answer from SP-004 and one from AC-001 since <c>since</c>.</summary>
    private async Task<(int CampaignId, DateTime Since, int Sp, int Ac)> AnsweredCampaignAsync()
    {
        var incidentId = await fixture.ReferenceIncidentIdAsync();
        int campaignId;
        await using (var scope = ActingAs.Scope(fixture.Host, AppRoles.PrivacyOfficer))
        {
            var tasks = new[] { new CampaignTaskInput("Rotacionar credenciais", null, 2, false, TaskAnswerType.StatusOnly), new CampaignTaskInput("Avisar titulares", null, 5, false, TaskAnswerType.StatusOnly) };
            var launched = await scope.ServiceProvider.GetRequiredService<CampaignService>()
                .LaunchAsync(new CampaignLaunch(incidentId, $"Campanha {Guid.NewGuid():N}", null, tasks, CampaignAudience.AllCoops), Ct);
            campaignId = launched.Value.CampaignId;
        }

        await using var db = fixture.CreateDb();
        var since = await db.CoopTasks.Where(t => t.CampaignId == campaignId).MaxAsync(t => t.UpdatedAtUtc, Ct);
        var sp = await db.Coops.Where(c => c.Code == "SP-004").Select(c => c.Id).SingleAsync(Ct);
        var ac = await db.Coops.Where(c => c.Code == "AC-001").Select(c => c.Id).SingleAsync(Ct);
        foreach (var coopId in new[] { sp, ac })
        {
            var task = await db.CoopTasks.Where(t => t.CampaignId == campaignId && t.CoopId == coopId).OrderBy(t => t.Id).FirstAsync(Ct);
            await using var liaison = ActingAs.Scope(fixture.Host, AppRoles.CoopLiaison, coopId);
            var result = await liaison.ServiceProvider.GetRequiredService<CoopTaskService>()
                .UpdateStatusAsync(task.Id, new TaskStatusInput(CoopTaskStatus.Done, "Feito.", null, task.Version), Ct);
            Assert.True(result.Succeeded, result.ToString());
        }

        return (campaignId, since, sp, ac);
    }

    /// <summary>Holds the officers' read of the campaign's changed cells until released: pages asking meanwhile wait for the next.</summary>
    private (Task Held, TaskCompletionSource Release) HoldOfficersRead(int campaignId)
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var officers = SharedReadKey.For(CoopScope.For(officer: true, auditor: false, liaison: false, liaisonCoopId: null),
            nameof(CampaignProgressService.ChangedCellsAsync), campaignId)!.Value;
        var held = Shared.ReadAsync<IReadOnlyList<ChangedCell>>(officers, DateTime.MinValue, async _ =>
        {
            await release.Task;
            return [];
        });
        return (held, release);
    }

    private async Task<IReadOnlyList<ChangedCell>?> ChangedCellsAsync(string role, int campaignId, DateTime since, int? coopId = null)
    {
        await using var scope = ActingAs.Scope(fixture.Host, role, coopId);
        return await scope.ServiceProvider.GetRequiredService<CampaignProgressService>().ChangedCellsAsync(campaignId, since, Ct);
    }

    [Fact]
    public async Task An_officer_and_an_auditor_asking_at_the_same_moment_share_one_read_and_both_get_every_coops_answer()
    {
        var (campaignId, since, sp, ac) = await AnsweredCampaignAsync();
        var (held, release) = HoldOfficersRead(campaignId);

        var officer = ChangedCellsAsync(AppRoles.PrivacyOfficer, campaignId, since);
        var auditor = ChangedCellsAsync(AppRoles.Auditor, campaignId, since);
        Assert.False(officer.IsCompleted || auditor.IsCompleted); // both wait for the read running when they asked
        release.SetResult();
        await held;

        var (seenByOfficer, seenByAuditor) = (await officer, await auditor);
        Assert.Same(seenByOfficer, seenByAuditor); // one read, after both asked
        Assert.Equal([ac, sp], seenByOfficer!.Where(c => c.Cell.Status == CoopTaskStatus.Done).Select(c => c.CoopId).Order());
        Assert.Equal(0, Shared.Pending(SharedReadKey.For(CoopScope.For(true, false, false, null), nameof(CampaignProgressService.ChangedCellsAsync), campaignId)!.Value));
    }

    [Fact]
    public async Task A_page_asking_after_a_shared_read_started_gets_a_later_read_with_the_answer_given_meanwhile()
    {
        var (campaignId, since, sp, _) = await AnsweredCampaignAsync();
        var first = await ChangedCellsAsync(AppRoles.PrivacyOfficer, campaignId, since);
        var (held, release) = HoldOfficersRead(campaignId);
        var waiting = ChangedCellsAsync(AppRoles.PrivacyOfficer, campaignId, since);

        // Answered while the held read runs: the page that asked meanwhile must see it.
        await using (var db = fixture.CreateDb())
        {
            var task = await db.CoopTasks.Where(t => t.CampaignId == campaignId && t.CoopId == sp).OrderByDescending(t => t.Id).FirstAsync(Ct);
            await using var liaison = ActingAs.Scope(fixture.Host, AppRoles.CoopLiaison, sp);
            var result = await liaison.ServiceProvider.GetRequiredService<CoopTaskService>()
                .UpdateStatusAsync(task.Id, new TaskStatusInput(CoopTaskStatus.Blocked, "Aguardando fornecedor", null, task.Version), Ct);
            Assert.True(result.Succeeded, result.ToString());
        }

        release.SetResult();
        await held;
        var later = await waiting;

        Assert.DoesNotContain(first!, c => c.Cell.Status == CoopTaskStatus.Blocked);
        Assert.Contains(later!, c => c.CoopId == sp && c.Cell.Status == CoopTaskStatus.Blocked);
    }

    [Fact]
    public async Task A_liaison_asking_while_the_officers_read_is_gathered_never_gets_it_nor_another_coops_cell()
    {
        var (campaignId, since, sp, ac) = await AnsweredCampaignAsync();
        var (held, release) = HoldOfficersRead(campaignId);
        var officer = ChangedCellsAsync(AppRoles.PrivacyOfficer, campaignId, since);

        // Through the matrix's service a liaison is refused outright ("not found", audited), whatever officers are reading.
        Assert.Null(await ChangedCellsAsync(AppRoles.CoopLiaison, campaignId, since, sp));

        // And a read shared among SP-004's liaisons is their own: it runs at once, beside the officers' held one, and the
        // liaison's scope reads only SP-004's cells.
        var liaisons = SharedReadKey.For(CoopScope.For(false, false, liaison: true, liaisonCoopId: sp), nameof(CampaignProgressService.ChangedCellsAsync), campaignId)!.Value;
        await using var scope = ActingAs.Scope(fixture.Host, AppRoles.CoopLiaison, sp);
        var dbFactory = scope.ServiceProvider.GetRequiredService<IDbContextFactory<IncidentDeskDbContext>>();
        var own = await Shared.ReadAsync(liaisons, since, async from =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(Ct);
            return await db.CoopTasks.AsNoTracking().Where(t => t.CampaignId == campaignId && t.UpdatedAtUtc >= from).Select(t => t.CoopId).ToListAsync(Ct);
        }).WaitAsync(TimeSpan.FromSeconds(30), Ct);
        Assert.False(officer.IsCompleted);
        release.SetResult();
        await held;

        Assert.Equal([sp], own.Distinct());
        Assert.Contains(await officer ?? [], c => c.CoopId == ac);
    }
}
