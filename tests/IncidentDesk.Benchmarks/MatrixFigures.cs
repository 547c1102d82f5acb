using IncidentDesk.Web.Features.Campaigns;
using IncidentDesk.Web.Security;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentDesk.Benchmarks;

/// <summary>
/// The officers' progress matrix at 340 × 20 with mixed statuses: the read behind it (<see cref="CampaignProgressService"/>)
/// against a hand-written SQL query and aggregate,, and the first render in a real browser: from the officer's click on the
/// incident's Tasks tab to the matrix's cells on screen (campaign list, matrix read, render, diff sent over the circuit).
/// </summary>
internal static class MatrixFigures
{
    public const int Tasks = 20;
    private const int Warmup = 3;
    private const int Runs = 20;

    public static async Task RunAsync(FederationRun run)
    {
        var campaignId = await CampaignFigures.LaunchAsync(run, Tasks, "Matriz 340 × 20");
        await using (var db = run.CreateDb())
        {
            // Mixed answers, as in the middle of a response: every status appears in every column.
            await db.Database.ExecuteSqlRawAsync(
                "UPDATE CoopTasks SET Status = (Id * 7 + CampaignTaskId) % 5, Version = 1 WHERE CampaignId = {0}", campaignId);
        }

        var read = await Figure.MeasureAsync($"matrix read {run.CoopCount} × {Tasks} (CampaignProgressService)", Warmup, Runs, async n =>
        {
            await using var scope = run.ActingAs(AppRoles.PrivacyOfficer);
            _ = await scope.ServiceProvider.GetRequiredService<CampaignProgressService>().GetAsync(campaignId)
                ?? throw new InvalidOperationException("No matrix.");
        });
        var floor = await Figure.MeasureAsync("floor: hand-written SQL rows + per-column aggregate", Warmup, Runs, _ => RawReadAsync(run, campaignId));
        int campaigns;
        await using (var db = run.CreateDb())
        {
            campaigns = await db.Campaigns.CountAsync(c => c.IncidentId == run.IncidentId);
        }

        var list = await Figure.MeasureAsync($"incident's campaign list with progress ({campaigns} campaigns)", Warmup, Runs, async n =>
        {
            await using var scope = run.ActingAs(AppRoles.PrivacyOfficer);
            _ = await scope.ServiceProvider.GetRequiredService<CampaignService>().ListAsync(run.IncidentId);
        });
        var render = await MatrixPage.MeasureFirstRenderAsync(run, $"matrix first render {run.CoopCount} × {Tasks} (Chromium, click → cells)", Runs);
        Console.WriteLine(read.Row(floor));
        Console.WriteLine(floor.Row());
        Console.WriteLine(list.Row());
        Console.WriteLine(render.Row());
    }

    internal static async Task RawReadAsync(FederationRun run, int campaignId)
    {
        await using var connection = new SqliteConnection(run.ConnectionString);
        await connection.OpenAsync();
        await using var rows = connection.CreateCommand();
        rows.CommandText = """
            SELECT c.Id, c.Code, c.Name, c.Uf, t.Id, t.CampaignTaskId, t.Status, t.UpdatedAtUtc
            FROM CoopTasks t JOIN Coops c ON c.Id = t.CoopId WHERE t.CampaignId = $id ORDER BY c.Uf, c.Code
            """;
        rows.Parameters.AddWithValue("$id", campaignId);
        var cells = new List<(int, string, string, string, int, int, int, string)>();
        await using (var reader = await rows.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                cells.Add((reader.GetInt32(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetInt32(4),
                    reader.GetInt32(5), reader.GetInt32(6), reader.GetString(7)));
            }
        }

        await using var tally = connection.CreateCommand();
        tally.CommandText = """
            SELECT k.Id, k."Order", k.Title, COUNT(*), SUM(t.Status IN (3, 4)), SUM(t.Status = 2)
            FROM CampaignTasks k JOIN CoopTasks t ON t.CampaignTaskId = k.Id WHERE k.CampaignId = $id GROUP BY k.Id ORDER BY k."Order"
            """;
        tally.Parameters.AddWithValue("$id", campaignId);
        await using var columns = await tally.ExecuteReaderAsync();
        while (await columns.ReadAsync())
        {
            _ = columns.GetInt32(3);
        }
    }
}
