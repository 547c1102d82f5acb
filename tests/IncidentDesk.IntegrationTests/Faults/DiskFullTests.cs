using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using IncidentDesk.Benchmarks.Faults;
using IncidentDesk.Core.Campaigns;
using IncidentDesk.Data;
using IncidentDesk.IntegrationTests.Operators;
using IncidentDesk.Testing;
using IncidentDesk.Web;
using IncidentDesk.Web.Features.Campaigns;
using IncidentDesk.Web.Features.Incidents.Evidence;
using IncidentDesk.Web.Outcomes;
using IncidentDesk.Web.Security;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace IncidentDesk.IntegrationTests.Faults;

/// <summary>
/// The data folder (SQLite file and evidence files) on a 16 MB tmpfs, filled to the last byte: an evidence upload and a
/// liaison's answer are refused with words the person can act on and leave nothing half-saved; the health probe says
/// Degraded; once space is freed the same operations succeed without a restart, and the database and its audit chain are
/// sound.
/// </summary>
[Collection(FaultsGroup.Name)]
public sealed class DiskFullTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    [Requires(TestServer.SizeLimitedMount)]
    public async Task A_full_disk_refuses_uploads_and_answers_clearly_keeps_nothing_half_saved_and_recovers_without_a_restart()
    {
        await using var host = new IncidentDeskHost(settings: new Dictionary<string, string?>
        {
            ["IncidentDesk:MinFreeStorageMegabytes"] = "1",
        });
        using (var disk = SizeLimitedFolder.Mount(host.DataFolder, 16))
        {
            host.Start();
            var (taskId, version, token) = await ArrangeLiaisonTaskAsync(host);
            var evidenceFolder = Path.Combine(host.DataFolder, "evidence");
            var evidenceRows = await CountEvidenceAsync(host);
            using var api = new HttpClient { BaseAddress = host.BaseAddress };
            api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            api.DefaultRequestHeaders.AcceptLanguage.ParseAdd("pt-BR");
            Assert.Equal("Healthy", await ReadyAsync(api));

            // The write-ahead log is emptied first: SQLite reuses a log's space once it has been checkpointed, so a write that
            // fits in what an earlier one left there would need no new space and never meet the full disk.
            await TruncateWriteAheadLogAsync(host);
            var filler = disk.Fill();

            Assert.Equal("Degraded", await ReadyAsync(api));
            var upload = await UploadAsync(host);
            Assert.True(upload.IsInvalid, upload.ToString());
            Assert.Equal(EvidenceError.StorageFull, upload.ErrorOf(EvidenceField.File)?.Code);
            Assert.Contains("sem espaço", Localized(host, upload.ErrorOf(EvidenceField.File)!.MessageKey), StringComparison.Ordinal);
            Assert.Empty(Directory.GetFiles(evidenceFolder));
            Assert.Equal(evidenceRows, await CountEvidenceAsync(host));

            using (var refused = await AnswerAsync(api, taskId, version, "Respondida com o disco cheio"))
            {
                var body = await refused.Content.ReadAsStringAsync(Ct);
                Assert.True(refused.StatusCode == HttpStatusCode.ServiceUnavailable, $"{(int)refused.StatusCode} {body}");
                Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
                Assert.NotNull(refused.Headers.RetryAfter);
                var problem = JsonDocument.Parse(body).RootElement;
                Assert.Equal("Servidor sem espaço em disco.", problem.GetProperty("title").GetString());
                Assert.Contains("nada foi salvo", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
                Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
            }

            Assert.Equal(version, await VersionAsync(host, taskId));

            File.Delete(filler);

            Assert.Equal("Healthy", await ReadyAsync(api));
            var kept = await UploadAsync(host);
            Assert.True(kept.Succeeded, kept.ToString());
            Assert.Single(Directory.GetFiles(evidenceFolder));
            Assert.Equal(evidenceRows + 1, await CountEvidenceAsync(host));
            using (var answered = await AnswerAsync(api, taskId, version, "Respondida depois de liberar espaço"))
            {
                Assert.True(answered.IsSuccessStatusCode, await answered.Content.ReadAsStringAsync(Ct));
            }

            Assert.Equal("ok", await new DeskFile(host.DatabasePath).IntegrityCheckAsync());
            var verify = await OperatorCli.RunAsync(host, "audit", "verify");
            Assert.True(verify.ExitCode == 0, verify.Output + verify.Error);
            await host.DisposeAsync(); // before the unmount: the app lets go of its files
        }
    }

    /// <summary>
    /// Checkpoints the whole log into the database file and truncates the log to nothing; a reader still on an older
    /// snapshot makes the checkpoint answer "busy", so it is asked again until it is done.
    /// </summary>
    private static async Task TruncateWriteAheadLogAsync(IncidentDeskHost host)
    {
        await using var connection = new SqliteConnection(
            new SqliteConnectionStringBuilder { DataSource = host.DatabasePath, Pooling = false }.ToString());
        await connection.OpenAsync(Ct);
        await using var checkpoint = connection.CreateCommand();
        checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
        for (var attempt = 1; ; attempt++)
        {
            await using var answer = await checkpoint.ExecuteReaderAsync(Ct);
            Assert.True(await answer.ReadAsync(Ct));
            if (answer.GetInt32(0) == 0 || attempt == 50)
            {
                Assert.True(answer.GetInt32(0) == 0, "the write-ahead log could not be checkpointed: a reader kept it busy");
                return;
            }

            await Task.Yield();
        }
    }

    private static async Task<string> ReadyAsync(HttpClient api)
    {
        using var probe = await api.GetAsync(new Uri("health/ready", UriKind.Relative), Ct);
        return await probe.Content.ReadAsStringAsync(Ct);
    }

    private static async Task<Result<int>> UploadAsync(IncidentDeskHost host)
    {
        await using var officer = host.OperatorScope("officer");
        await using var db = await host.Services.GetRequiredService<FederationWideDb>().CreateDbContextAsync(Ct);
        var incidentId = await db.Incidents.OrderBy(i => i.Id).Select(i => i.Id).FirstAsync(Ct);
        var text = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("2026-12-07T10:00:00Z broker kafka exposto, sem autenticação\n", 4000)));
        await using var content = new MemoryStream(text);
        return await officer.ServiceProvider.GetRequiredService<EvidenceService>()
            .AddFileAsync(incidentId, "Log do broker", null, false, "broker.log", content, text.Length, Ct);
    }

    private static Task<HttpResponseMessage> AnswerAsync(HttpClient api, int taskId, int version, string note) =>
        api.PatchAsync(new Uri($"api/v1/tasks/{taskId}", UriKind.Relative),
            JsonContent.Create(new { status = "InProgress", note, version }), Ct);

    private static string Localized(IncidentDeskHost host, string key)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo("pt-BR");
        try
        {
            return host.Services.GetRequiredService<IStringLocalizer<EvidenceResource>>()[key];
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    private static async Task<int> CountEvidenceAsync(IncidentDeskHost host)
    {
        await using var db = await host.Services.GetRequiredService<FederationWideDb>().CreateDbContextAsync(Ct);
        return await db.Evidence.CountAsync(Ct);
    }

    private static async Task<int> VersionAsync(IncidentDeskHost host, int taskId)
    {
        await using var db = await host.Services.GetRequiredService<FederationWideDb>().CreateDbContextAsync(Ct);
        return await db.CoopTasks.Where(t => t.Id == taskId).Select(t => t.Version).SingleAsync(Ct);
    }

    /// <summary>A one-task campaign to Acre's co-ops and a token for the liaison of the first of them.</summary>
    private static async Task<(int TaskId, int Version, string Token)> ArrangeLiaisonTaskAsync(IncidentDeskHost host)
    {
        await using var officer = host.OperatorScope("officer");
        await using var db = await host.Services.GetRequiredService<FederationWideDb>().CreateDbContextAsync(Ct);
        var incidentId = await db.Incidents.OrderBy(i => i.Id).Select(i => i.Id).FirstAsync(Ct);
        var launched = await officer.ServiceProvider.GetRequiredService<CampaignService>().LaunchAsync(new CampaignLaunch(incidentId,
            "Verificação de espaço", null, [new CampaignTaskInput("Confirmar inventário", "", 2, false, TaskAnswerType.StatusOnly)],
            CampaignAudience.Uf, "AC"), Ct);
        Assert.True(launched.Succeeded, launched.ToString());
        var task = await db.CoopTasks.Where(t => t.CampaignId == launched.Value.CampaignId).OrderBy(t => t.Id).FirstAsync(Ct);
        var token = await FaultDeskTemplate.TokenAsync(officer.ServiceProvider, AppRoles.CoopLiaison, task.CoopId);
        return (task.Id, task.Version, token);
    }
}
