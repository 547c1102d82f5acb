using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace IncidentDesk.Benchmarks.Faults;

/// <summary>
/// A desk process whose whole data folder sits on a 24 MB tmpfs, filled to the last byte while it runs: liaisons' answers over
/// the API are refused with a 503 problem in Portuguese and change nothing; once the filler is deleted (no restart) the same
/// answers are accepted. Recovery is timed from the deletion to the first accepted answer.
/// </summary>
internal static class DiskFullRun
{
    public static async Task<FaultOutcome> RunAsync(FaultDeskTemplate template, CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory("incidentdesk-faults-full-").FullName;
        try
        {
            using var disk = SizeLimitedFolder.Mount(folder, 24);
            template.CopyInto(folder);
            await using var desk = new ChildDesk(folder);
            desk.Environment["IncidentDesk__MinFreeStorageMegabytes"] = "1";
            try
            {
                return await FillAndFreeAsync(desk, disk, template.Liaisons[0], cancellationToken);
            }
            finally
            {
                desk.Kill();
            }
        }
        finally
        {
            FaultDeskTemplate.DeleteFolder(folder);
        }
    }

    private static async Task<FaultOutcome> FillAndFreeAsync(ChildDesk desk, SizeLimitedFolder disk, FaultLiaison liaison, CancellationToken cancellationToken)
    {
        await desk.StartAsync(cancellationToken);
        using var api = new HttpClient { BaseAddress = desk.BaseAddress };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", liaison.Token);
        api.DefaultRequestHeaders.AcceptLanguage.ParseAdd("pt-BR");
        var file = new DeskFile(desk.DatabasePath);
        var before = await file.TasksAsync(liaison.TaskIds);

        var filler = disk.Fill();
        var degraded = await ReadyAsync(api, cancellationToken) == "Degraded";
        var refusedClearly = 0;
        foreach (var id in liaison.TaskIds)
        {
            using var refused = await AnswerAsync(api, id, before[id].Version, "Com o disco cheio", cancellationToken);
            var body = await refused.Content.ReadAsStringAsync(cancellationToken);
            if (refused.StatusCode == HttpStatusCode.ServiceUnavailable && refused.Content.Headers.ContentType?.MediaType == "application/problem+json"
                && JsonDocument.Parse(body).RootElement.GetProperty("title").GetString() == "Servidor sem espaço em disco.")
            {
                refusedClearly++;
            }
        }

        var changedWhileFull = (await file.TasksAsync(liaison.TaskIds)).Count(t => t.Value != before[t.Key]);
        File.Delete(filler);
        var freed = Stopwatch.GetTimestamp();
        var acknowledged = new List<(int Id, string Note)>();
        TimeSpan? recovery = null;
        foreach (var id in liaison.TaskIds)
        {
            var note = $"Depois de liberar espaço {id}";
            using var accepted = await AnswerAsync(api, id, before[id].Version, note, cancellationToken);
            recovery ??= accepted.IsSuccessStatusCode ? Stopwatch.GetElapsedTime(freed) : null;
            if (accepted.IsSuccessStatusCode)
            {
                acknowledged.Add((id, note));
            }
        }

        var healthy = await ReadyAsync(api, cancellationToken) == "Healthy";
        var after = await file.TasksAsync(liaison.TaskIds);
        var lost = acknowledged.Count(a => after[a.Id].Note != a.Note);
        var integrity = await file.IntegrityCheckAsync();
        var verify = await desk.RunCommandAsync(cancellationToken, "audit", "verify");
        var detail = $"readiness while full: {(degraded ? "Degraded" : "not Degraded")}; {refusedClearly} of {liaison.TaskIds.Count} answers refused "
            + $"with the 503 problem, {changedWhileFull} changed while full; after freeing: {acknowledged.Count} accepted, readiness "
            + $"{(healthy ? "Healthy" : "not Healthy")}; integrity_check {integrity}; verify: {verify.Output.Trim()}{verify.Error.Trim()}";
        var unclear = liaison.TaskIds.Count - refusedClearly;
        return new FaultOutcome(acknowledged.Count, lost, changedWhileFull + unclear + (integrity == "ok" ? 0 : 1),
            verify.ExitCode == 0, recovery ?? TimeSpan.MaxValue, detail);
    }

    private static async Task<string> ReadyAsync(HttpClient api, CancellationToken cancellationToken)
    {
        using var probe = await api.GetAsync(new Uri("health/ready", UriKind.Relative), cancellationToken);
        return await probe.Content.ReadAsStringAsync(cancellationToken);
    }

    private static Task<HttpResponseMessage> AnswerAsync(HttpClient api, int taskId, int version, string note, CancellationToken cancellationToken) =>
        api.PatchAsync(new Uri($"api/v1/tasks/{taskId}", UriKind.Relative), JsonContent.Create(new { status = "InProgress", note, version }), cancellationToken);
}
