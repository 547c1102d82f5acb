using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using IncidentDesk.Benchmarks.Browser;
using IncidentDesk.Benchmarks.Load;
using IncidentDesk.Core.Campaigns;
using IncidentDesk.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace IncidentDesk.Benchmarks.Circuit;

/// <summary>
/// A liaison marks one of their co-op's tasks Done through the API; measured from just before the PATCH until every open
/// matrix shows the cell as Done (the cell's <c>data-status</c>). The cells are the matrix's first rows (sorted by UF, then
/// co-op code, as the matrix shows them), so they are rendered on every page despite the matrix's virtualisation.
/// </summary>
internal static class RepaintFigures
{
    private const int Warmup = 1;

    /// <param name="All">Browser clocks: update sent → the last of the pages showing it.</param>
    /// <param name="First">Browser clocks: update sent → the first page showing it.</param>
    /// <param name="ServerAll">Server clock: change published → the last page's render batch sent (per update).</param>
    /// <param name="ServerEach">Server clock: change published → each page's render batch sent.</param>
    /// <param name="ServerCpu">This process's CPU time per update and open page, from the PATCH until every page's batch was sent.</param>
    public sealed record Result(Figure All, Figure First, Figure ServerAll, Figure ServerEach, Figure ServerCpu);

    private sealed record Cell(int TaskId, int CoopId, TaskAnswerType AnswerType);

    public static async Task<Result> MeasureAsync(FederationRun run, int campaignId, IReadOnlyList<IPage> pages, int repeats, ServerRepaints server, bool quiet)
    {
        var cells = await VisibleCellsAsync(run, campaignId, Warmup + repeats);
        using var accounts = new LoadAccounts(run.Host);
        using var http = new HttpClient { BaseAddress = run.Host.BaseAddress, Timeout = TimeSpan.FromMinutes(2) };
        var tokens = new Dictionary<int, string>();
        var all = new List<double>();
        var first = new List<double>();
        var serverAll = new List<double>();
        var serverEach = new List<double>();
        var serverCpu = new List<double>();
        using var self = Process.GetCurrentProcess();
        for (var i = 0; i < cells.Count; i++)
        {
            var cell = cells[i];
            if (!tokens.TryGetValue(cell.CoopId, out var token))
            {
                tokens[cell.CoopId] = token = await accounts.TokenAsync(AppRoles.CoopLiaison, cell.CoopId);
            }

            // The cell must be on screen before the change, or "updated" would also time the scrolling of the virtualised rows.
            await pages[0].Locator($"[data-task-id='{cell.TaskId}']").WaitForAsync(new() { State = WaitForSelectorState.Attached });
            var version = await VersionAsync(run, cell.TaskId);
            // Every page watches in its own DOM (no polling from here) before the change is sent; the clocks are the machine's.
            var done = $"[data-task-id='{cell.TaskId}'][data-status='Done']";
            await Task.WhenAll(pages.Select(p => p.EvaluateAsync(InPage.Watch, done)));
            var serverBefore = server.Count;
            self.Refresh();
            var cpuBefore = self.TotalProcessorTime;
            var sentAt = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            await PatchDoneAsync(http, token, cell, version);
            var paintedAt = await Task.WhenAll(pages.Select(p => p.EvaluateAsync<double>(InPage.WatchedAt)));
            var times = paintedAt.Select(at => at - sentAt).ToArray();
            // Quiet, this update is the only change: one server sample per page. Under load the window holds others too.
            var served = await server.WaitForAsync(serverBefore + pages.Count, TimeSpan.FromSeconds(10)) ? server.Since(serverBefore) : [];
            self.Refresh();
            var cpu = (self.TotalProcessorTime - cpuBefore).TotalMilliseconds / pages.Count;
            if (i >= Warmup)
            {
                all.Add(times.Max());
                first.Add(times.Min());
                if (quiet && served.Count > 0)
                {
                    serverAll.Add(served.Take(pages.Count).Max());
                    serverEach.AddRange(served.Take(pages.Count));
                    serverCpu.Add(cpu);
                }
            }
        }

        var under = quiet ? "" : " (under load)";
        return new Result(
            new Figure($"task update → all {pages.Count} matrix pages repainted, browser clocks{under}", all),
            new Figure($"task update → first of {pages.Count} matrix pages repainted, browser clocks{under}", first),
            new Figure($"server: change → render batch sent by all {pages.Count} matrix circuits (per update)", serverAll.DefaultIfEmpty(double.NaN).ToList()),
            new Figure($"server: change → render batch sent, each of {pages.Count} matrix circuits", serverEach.DefaultIfEmpty(double.NaN).ToList()),
            new Figure($"server CPU time per update and matrix circuit (this process, {pages.Count} circuits; the PATCH itself included)",
                serverCpu.DefaultIfEmpty(double.NaN).ToList()));
    }

    /// <summary>The first cells in display order not yet Done whose Done needs no evidence (the API cannot attach a file in a PATCH).</summary>
    private static async Task<List<Cell>> VisibleCellsAsync(FederationRun run, int campaignId, int count)
    {
        await using var db = run.CreateDb();
        // The campaign's last task is the one a load beside the pages updates (LoadOptions.CampaignId); cells already Done were timed before.
        var lastOrder = await db.CampaignTasks.Where(k => k.CampaignId == campaignId).MaxAsync(k => k.Order);
        var rows = await db.CoopTasks.AsNoTracking().Where(t => t.CampaignId == campaignId)
            .Join(db.CampaignTasks, t => t.CampaignTaskId, k => k.Id, (t, k) => new { t.Id, t.CoopId, t.Status, k.Order, k.AnswerType, k.EvidenceRequired })
            .Where(r => !r.EvidenceRequired && r.Status != CoopTaskStatus.Done && r.Order < lastOrder)
            .Join(db.Coops, r => r.CoopId, c => c.Id, (r, c) => new { r.Id, r.CoopId, r.Order, r.AnswerType, c.Uf, c.Code })
            .ToListAsync();
        var cells = rows.OrderBy(r => r.Uf, StringComparer.Ordinal).ThenBy(r => r.Code, StringComparer.Ordinal).ThenBy(r => r.Order)
            .Take(count).Select(r => new Cell(r.Id, r.CoopId, r.AnswerType)).ToList();
        return cells.Count == count ? cells : throw new InvalidOperationException($"Only {cells.Count} cells to update.");
    }

    private static async Task<int> VersionAsync(FederationRun run, int taskId)
    {
        await using var db = run.CreateDb();
        return await db.CoopTasks.Where(t => t.Id == taskId).Select(t => t.Version).SingleAsync();
    }

    private static async Task PatchDoneAsync(HttpClient http, string token, Cell cell, int version)
    {
        var answer = cell.AnswerType switch
        {
            TaskAnswerType.YesNo => "sim",
            TaskAnswerType.Number => "1",
            TaskAnswerType.Text => "Feito.",
            _ => null,
        };
        using var request = new HttpRequestMessage(HttpMethod.Patch, new Uri($"api/v1/tasks/{cell.TaskId}", UriKind.Relative))
        {
            Content = JsonContent.Create(new { status = "Done", note = "Concluída.", answer, version }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"PATCH task {cell.TaskId}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }
}
