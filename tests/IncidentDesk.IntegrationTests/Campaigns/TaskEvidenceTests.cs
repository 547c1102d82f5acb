using System.Globalization;
using System.Text;
using IncidentDesk.Core.Campaigns;
using IncidentDesk.IntegrationTests.Audit;
using IncidentDesk.IntegrationTests.Incidents;
using IncidentDesk.Web.Features.Audit;
using IncidentDesk.Web.Features.Campaigns;
using IncidentDesk.Web.Features.Incidents.Evidence;
using IncidentDesk.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using IncidentDesk.Web.Outcomes;

namespace IncidentDesk.IntegrationTests.Campaigns;

/// <summary>A co-op hands in evidence with its answer: it is that co-op's, never another co-op's to see or to add to.</summary>
public sealed class TaskEvidenceTests(OwnHostFixture fixture) : IClassFixture<OwnHostFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static byte[] Pdf(string marker) =>
        Encoding.ASCII.GetBytes($"%PDF-1.4\n% {marker}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    private async Task<int> CoopIdAsync(string code)
    {
        await using var db = fixture.CreateDb();
        return await db.Coops.Where(c => c.Code == code).Select(c => c.Id).SingleAsync(Ct);
    }

    /// <summary>One yes/no task that requires evidence, asked of every co-op of SP; returns SP-004's and SP-005's task ids.</summary>
    private async Task<(int Mine, int Theirs, int IncidentId)> LaunchAsync()
    {
        var incidentId = await fixture.ReferenceIncidentIdAsync();
        await using var scope = ActingAs.Scope(fixture.Host, AppRoles.PrivacyOfficer);
        var result = await scope.ServiceProvider.GetRequiredService<CampaignService>().LaunchAsync(new CampaignLaunch(
            incidentId, $"Evidências {Guid.NewGuid():N}", null,
            [new("Relatório de varredura do broker", "Anexe o relatório.", 2, true, TaskAnswerType.YesNo)],
            CampaignAudience.Uf, "SP"), Ct);
        await using var db = fixture.CreateDb();
        var tasks = await db.CoopTasks.Where(t => t.CampaignId == result.Value.CampaignId).Join(db.Coops, t => t.CoopId, c => c.Id, (t, c) => new { t.Id, c.Code }).ToListAsync(Ct);
        return (tasks.Single(t => t.Code == "SP-004").Id, tasks.Single(t => t.Code == "SP-005").Id, incidentId);
    }

    private async Task<T> AsLiaisonAsync<T>(string coopCode, Func<IServiceProvider, Task<T>> act)
    {
        await using var scope = ActingAs.Scope(fixture.Host, AppRoles.CoopLiaison, await CoopIdAsync(coopCode));
        return await act(scope.ServiceProvider);
    }

    [Fact]
    public async Task A_liaison_attaches_a_file_to_their_task_and_can_then_mark_it_done()
    {
        var (mine, _, incidentId) = await LaunchAsync();
        int version;
        await using (var read = fixture.CreateDb())
        {
            version = await read.CoopTasks.Where(t => t.Id == mine).Select(t => t.Version).SingleAsync(Ct);
        }

        var refused = await AsLiaisonAsync("SP-004", sp => sp.GetRequiredService<CoopTaskService>()
            .UpdateStatusAsync(mine, new TaskStatusInput(CoopTaskStatus.Done, null, "sim", version), Ct));
        Assert.Equal(nameof(TaskUpdateRefusal.EvidenceRequired), Assert.Single(refused.Errors).Code);

        var bytes = Pdf("varredura SP-004");
        var added = await AsLiaisonAsync("SP-004", sp => sp.GetRequiredService<EvidenceService>()
            .AddTaskFileAsync(mine, "varredura.pdf", new MemoryStream(bytes), bytes.Length, Ct));
        Assert.True(added.Succeeded);

        var listed = await AsLiaisonAsync("SP-004", sp => sp.GetRequiredService<EvidenceService>().ListForTaskAsync(mine, Ct));
        var item = Assert.Single(listed!);
        Assert.Equal(("varredura.pdf", "SP-004 · Relatório de varredura do broker"), (item.FileName, item.Title));
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)), item.Sha256);

        var done = await AsLiaisonAsync("SP-004", sp => sp.GetRequiredService<CoopTaskService>()
            .UpdateStatusAsync(mine, new TaskStatusInput(CoopTaskStatus.Done, null, "sim", version), Ct));
        Assert.True(done.Succeeded);

        await using var db = fixture.CreateDb();
        Assert.True(await db.TimelineEvents.AnyAsync(e => e.IncidentId == incidentId
            && e.Title == "Evidência adicionada: SP-004 · Relatório de varredura do broker" && !e.SharedWithCoops, Ct));
        Assert.True(await db.AuditEntries.AnyAsync(e => e.EntityType == "Evidence" && e.EntityId == item.Id.ToString(CultureInfo.InvariantCulture), Ct));
    }

    [Fact]
    public async Task Another_coops_liaison_can_neither_add_to_nor_list_nor_download_that_evidence()
    {
        var (mine, theirs, incidentId) = await LaunchAsync();
        var added = await AsLiaisonAsync("SP-004", sp => sp.GetRequiredService<EvidenceService>()
            .AddTaskLinkAsync(mine, "https://chamados.coop-sp004.example/INC-77", Ct));
        var fileBytes = Pdf("SP-004 only");
        var file = await AsLiaisonAsync("SP-004", sp => sp.GetRequiredService<EvidenceService>()
            .AddTaskFileAsync(mine, "interno.pdf", new MemoryStream(fileBytes), fileBytes.Length, Ct));
        Assert.True(added.Succeeded && file.Succeeded);
        await using var before = fixture.CreateDb();
        var denialsBefore = await before.AuditEntries.CountAsync(e => e.Action == AuditActions.AccessDenied, Ct);

        var intrusion = await AsLiaisonAsync("SP-005", sp => sp.GetRequiredService<EvidenceService>()
            .AddTaskLinkAsync(mine, "https://evil.example/", Ct));
        var listing = await AsLiaisonAsync("SP-005", sp => sp.GetRequiredService<EvidenceService>().ListForTaskAsync(mine, Ct));
        var download = await AsLiaisonAsync("SP-005", sp => sp.GetRequiredService<EvidenceService>().OpenDownloadAsync(incidentId, file.Value, Ct));
        var incidentList = await AsLiaisonAsync("SP-005", sp => sp.GetRequiredService<EvidenceService>().ListAsync(incidentId, Ct));
        var ownList = await AsLiaisonAsync("SP-005", sp => sp.GetRequiredService<EvidenceService>().ListForTaskAsync(theirs, Ct));

        Assert.True(intrusion.IsNotFound);
        Assert.Null(listing);
        Assert.Null(download);
        Assert.DoesNotContain(incidentList!, e => e.Id == added.Value || e.Id == file.Value);
        Assert.Empty(ownList!);
        await using var db = fixture.CreateDb();
        Assert.Equal(denialsBefore + 3, await db.AuditEntries.CountAsync(e => e.Action == AuditActions.AccessDenied, Ct));
        Assert.Equal(2, await db.Evidence.CountAsync(e => e.CoopTaskId == mine, Ct));
    }

    [Fact]
    public async Task Officers_find_a_coops_task_evidence_with_the_incidents_evidence_and_the_owner_downloads_it()
    {
        var (mine, _, incidentId) = await LaunchAsync();
        var bytes = Pdf("for the officers");
        var file = await AsLiaisonAsync("SP-004", sp => sp.GetRequiredService<EvidenceService>()
            .AddTaskFileAsync(mine, "ata.pdf", new MemoryStream(bytes), bytes.Length, Ct));

        await using var officer = ActingAs.Scope(fixture.Host, AppRoles.PrivacyOfficer);
        var all = await officer.ServiceProvider.GetRequiredService<EvidenceService>().ListAsync(incidentId, Ct);
        var own = await AsLiaisonAsync("SP-004", sp => sp.GetRequiredService<EvidenceService>().ListAsync(incidentId, Ct));
        var download = await AsLiaisonAsync("SP-004", sp => sp.GetRequiredService<EvidenceService>().OpenDownloadAsync(incidentId, file.Value, Ct));

        Assert.Contains(all!, e => e.Id == file.Value);
        Assert.Contains(own!, e => e.Id == file.Value);
        Assert.NotNull(download);
        await using (download.Content)
        {
            Assert.Equal(bytes.Length, download.SizeBytes);
        }
    }

    [Fact]
    public async Task A_disguised_file_is_refused_for_a_task_too_and_nothing_is_kept()
    {
        var (mine, _, _) = await LaunchAsync();
        var html = Encoding.UTF8.GetBytes("<html><script>alert(1)</script></html>");

        var result = await AsLiaisonAsync("SP-004", sp => sp.GetRequiredService<EvidenceService>()
            .AddTaskFileAsync(mine, "relatorio.pdf", new MemoryStream(html), html.Length, Ct));

        Assert.Equal(EvidenceError.Disguised, result.ErrorCodes[EvidenceField.File]);
        await using var db = fixture.CreateDb();
        Assert.False(await db.Evidence.AnyAsync(e => e.CoopTaskId == mine, Ct));
    }
}
