using System.Diagnostics;
using System.Globalization;
using IncidentDesk.Core.Campaigns;
using IncidentDesk.IntegrationTests.Audit;
using IncidentDesk.IntegrationTests.Incidents;
using IncidentDesk.Web.Features.Audit;
using IncidentDesk.Web.Features.Campaigns;
using IncidentDesk.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentDesk.IntegrationTests.Campaigns;

/// <summary>The officers' progress matrix of a campaign to every co-op: what is finished, blocked, late or untouched.</summary>
public sealed class CampaignProgressTests(OwnHostFixture fixture) : IClassFixture<OwnHostFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A fresh campaign of eight status-only tasks, due 1…8 business days after launch, to every co-op.</summary>
    private async Task<int> LaunchAsync()
    {
        var incidentId = await fixture.ReferenceIncidentIdAsync();
        await using var scope = ActingAs.Scope(fixture.Host, AppRoles.PrivacyOfficer);
        var tasks = Enumerable.Range(1, 8).Select(i => new CampaignTaskInput($"Tarefa {i}", null, i, false, TaskAnswerType.StatusOnly)).ToList();
        var result = await scope.ServiceProvider.GetRequiredService<CampaignService>()
            .LaunchAsync(new CampaignLaunch(incidentId, $"Campanha {Guid.NewGuid():N}", null, tasks, CampaignAudience.AllCoops), Ct);
        return result.Value.CampaignId;
    }

    private async Task<CampaignProgress?> ProgressAsync(int campaignId, string role, int? coopId = null)
    {
        await using var scope = ActingAs.Scope(fixture.Host, role, coopId);
        return await scope.ServiceProvider.GetRequiredService<CampaignProgressService>().GetAsync(campaignId, Ct);
    }

    private async Task<CellDetail?> CellAsync(int coopTaskId, string role, int? coopId = null)
    {
        await using var scope = ActingAs.Scope(fixture.Host, role, coopId);
        return await scope.ServiceProvider.GetRequiredService<CampaignProgressService>().CellAsync(coopTaskId, Ct);
    }

    private async Task UpdateAsync(ProgressCell? cell, CoopTaskStatus status, string? note = null, string? answer = null)
    {
        var id = cell!.Value.CoopTaskId;
        var version = (await CellAsync(id, AppRoles.PrivacyOfficer))!.Version;
        await using var scope = ActingAs.Scope(fixture.Host, AppRoles.PrivacyOfficer);
        var result = await scope.ServiceProvider.GetRequiredService<CoopTaskService>()
            .UpdateStatusAsync(id, new TaskStatusInput(status, note, answer, version), Ct);
        Assert.True(result.Succeeded, result.ToString());
    }

    [Fact]
    public async Task After_a_launch_every_coop_is_a_row_with_eight_open_cells_and_nothing_is_complete()
    {
        var campaignId = await LaunchAsync();
        await using var db = fixture.CreateDb();
        var coops = await db.CoopTasks.Where(t => t.CampaignId == campaignId).Select(t => t.CoopId).Distinct().CountAsync(Ct);

        var watch = Stopwatch.StartNew();
        var progress = await ProgressAsync(campaignId, AppRoles.PrivacyOfficer);
        watch.Stop();

        Assert.NotNull(progress);
        Assert.Equal(340, coops);
        Assert.Equal(340, progress.Rows.Count);
        Assert.Equal(Enumerable.Range(1, 8), progress.Columns.Select(c => c.Order));
        Assert.All(progress.Rows, r => Assert.All(r.Cells, c => Assert.Equal(CoopTaskStatus.Open, c!.Value.Status)));
        Assert.All(progress.Columns, c => Assert.Equal(new ColumnTally(340, 0, 0, 0, 340), c.Tally));
        Assert.Equal(0, progress.Overall.PercentComplete);
        Assert.Equal(await fixture.ReferenceIncidentIdAsync(), progress.IncidentId);
        var sp = progress.Rows.Single(r => r.CoopCode == "SP-004");
        Assert.Equal(("SP", false), (sp.Uf, string.IsNullOrEmpty(sp.FederationCode)));
        // 2 720 cells in one read: generous bound for a shared 2-core machine, still catches an N+1.
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(3), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task Updates_show_in_the_completion_percentage_and_the_counts_of_their_column()
    {
        var campaignId = await LaunchAsync();
        var before = (await ProgressAsync(campaignId, AppRoles.Auditor))!;
        var rows = before.Rows;

        // Column 1: 68 done + 17 not applicable = 85 of 340 finished (25 %); 10 blocked; 5 in progress.
        for (var i = 0; i < 68; i++)
        {
            await UpdateAsync(rows[i].Cells[0]!, CoopTaskStatus.Done);
        }

        for (var i = 68; i < 85; i++)
        {
            await UpdateAsync(rows[i].Cells[0]!, CoopTaskStatus.NotApplicable, "Não usamos o sistema");
        }

        for (var i = 85; i < 95; i++)
        {
            await UpdateAsync(rows[i].Cells[0]!, CoopTaskStatus.Blocked, "Aguardando fornecedor");
        }

        for (var i = 95; i < 100; i++)
        {
            await UpdateAsync(rows[i].Cells[0]!, CoopTaskStatus.InProgress);
        }

        await UpdateAsync(rows[0].Cells[7]!, CoopTaskStatus.Done);

        var after = (await ProgressAsync(campaignId, AppRoles.Auditor))!;

        Assert.Equal(new ColumnTally(340, 85, 10, 0, 240), after.Columns[0].Tally);
        Assert.Equal(25, after.Columns[0].Tally.PercentComplete);
        Assert.Equal(new ColumnTally(340, 1, 0, 0, 339), after.Columns[7].Tally);
        Assert.All(after.Columns.Skip(1).Take(6), c => Assert.Equal(0, c.Tally.PercentComplete));
        var blocked = after.Rows.Single(r => r.CoopId == rows[85].CoopId).Cells[0]!.Value;
        Assert.Equal(CoopTaskStatus.Blocked, blocked.Status);
        var detail = (await CellAsync(blocked.CoopTaskId, AppRoles.Auditor))!;
        Assert.Equal((CoopTaskStatus.Blocked, "Aguardando fornecedor", "privacyofficer@federacao.example"),
            (detail.Status, detail.Note, detail.UpdatedBy));
    }

    [Fact]
    public async Task A_liaison_gets_nothing_and_the_attempt_is_audited()
    {
        var campaignId = await LaunchAsync();
        var id = campaignId.ToString(CultureInfo.InvariantCulture);
        await using var db = fixture.CreateDb();
        var coopId = await db.Coops.Where(c => c.Code == "SP-004").Select(c => c.Id).SingleAsync(Ct);
        var denialsBefore = await db.AuditEntries.CountAsync(e => e.Action == AuditActions.AccessDenied && e.EntityType == nameof(Campaign) && e.EntityId == id, Ct);

        var progress = await ProgressAsync(campaignId, AppRoles.CoopLiaison, coopId);

        Assert.Null(progress);
        Assert.Equal(denialsBefore + 1,
            await db.AuditEntries.CountAsync(e => e.Action == AuditActions.AccessDenied && e.EntityType == nameof(Campaign) && e.EntityId == id, Ct));
    }

    [Fact]
    public async Task The_cell_dialogs_read_gives_the_note_and_author_that_the_matrix_no_longer_holds()
    {
        var campaignId = await LaunchAsync();
        var cell = (await ProgressAsync(campaignId, AppRoles.PrivacyOfficer))!.Rows[0].Cells[0];
        await UpdateAsync(cell, CoopTaskStatus.Blocked, "Aguardando <script>alert(1)</script> fornecedor");

        var detail = await CellAsync(cell!.Value.CoopTaskId, AppRoles.Auditor);

        Assert.NotNull(detail);
        Assert.Equal((CoopTaskStatus.Blocked, "Aguardando <script>alert(1)</script> fornecedor", "privacyofficer@federacao.example", 1),
            (detail.Status, detail.Note, detail.UpdatedBy, detail.Version));
    }

    [Fact]
    public async Task A_liaison_reads_their_own_coops_cell_but_another_coops_id_gives_nothing_and_is_audited()
    {
        var campaignId = await LaunchAsync();
        var rows = (await ProgressAsync(campaignId, AppRoles.PrivacyOfficer))!.Rows;
        var own = rows.Single(r => r.CoopCode == "SP-004");
        var other = rows.First(r => r.CoopId != own.CoopId);
        var otherId = other.Cells[0]!.Value.CoopTaskId;
        var entityId = otherId.ToString(CultureInfo.InvariantCulture);
        await using var db = fixture.CreateDb();
        var denialsBefore = await db.AuditEntries.CountAsync(
            e => e.Action == AuditActions.AccessDenied && e.EntityType == nameof(CoopTask) && e.EntityId == entityId, Ct);

        var mine = await CellAsync(own.Cells[0]!.Value.CoopTaskId, AppRoles.CoopLiaison, own.CoopId);
        var theirs = await CellAsync(otherId, AppRoles.CoopLiaison, own.CoopId);

        Assert.Equal(own.CoopId, mine?.CoopId);
        Assert.Null(theirs);
        Assert.Equal(denialsBefore + 1, await db.AuditEntries.CountAsync(
            e => e.Action == AuditActions.AccessDenied && e.EntityType == nameof(CoopTask) && e.EntityId == entityId, Ct));
    }
}
