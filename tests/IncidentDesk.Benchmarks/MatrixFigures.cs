using IncidentDesk.Web.Features.Campaigns.Matrix;
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
        var (render, renderByDriver) = await MatrixPage.MeasureFirstRenderAsync(run, $"matrix first render {run.CoopCount} × {Tasks} (Chromium)", Runs);
        Console.WriteLine(read.Row(floor));
        Console.WriteLine(floor.Row());
        Console.WriteLine(list.Row());
        Console.WriteLine(render.Row());
        Console.WriteLine(renderByDriver.Row());
    }

    /// <summary>
    /// The floor: the very columns <see cref="CampaignProgressService.GetAsync"/> reads (campaign head, tasks, cells, the
    /// campaign's co-ops with their federation), by hand-written SQL, counted per column in a plain loop.
    /// </summary>
    internal static async Task RawReadAsync(FederationRun run, int campaignId)
    {
        await using var connection = new SqliteConnection(run.ConnectionString);
        await connection.OpenAsync();
        await using (var head = Command(connection, "SELECT Id, IncidentId, Title FROM Campaigns WHERE Id = $id", campaignId))
        await using (var reader = await head.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                _ = (reader.GetInt32(0), reader.GetInt32(1), reader.GetString(2));
            }
        }

        var columnOf = new Dictionary<int, int>();
        await using (var tasks = Command(connection, """
            SELECT Id, "Order", Title, DueAtUtc, EvidenceRequired, AnswerType FROM CampaignTasks WHERE CampaignId = $id ORDER BY "Order", Id
            """, campaignId))
        await using (var reader = await tasks.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                _ = (reader.GetInt32(1), reader.GetString(2), reader.GetDateTime(3), reader.GetBoolean(4), reader.GetInt32(5));
                columnOf[reader.GetInt32(0)] = columnOf.Count;
            }
        }

        var finished = new int[columnOf.Count];
        var cells = new List<(int, int, int, int, DateTime)>();
        await using (var rows = Command(connection,
            "SELECT Id, CoopId, CampaignTaskId, Status, UpdatedAtUtc FROM CoopTasks WHERE CampaignId = $id", campaignId))
        await using (var reader = await rows.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                var cell = (reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2), reader.GetInt32(3), reader.GetDateTime(4));
                cells.Add(cell);
                finished[columnOf[cell.Item3]] += cell.Item4 is 3 or 4 ? 1 : 0;
            }
        }

        await using var coops = Command(connection, """
            SELECT c.Id, c.Code, c.Name, c.Uf, f.Code FROM Coops c JOIN Federations f ON f.Id = c.FederationId
            WHERE c.Id IN (SELECT CoopId FROM CoopTasks WHERE CampaignId = $id)
            """, campaignId);
        await using var coopRows = await coops.ExecuteReaderAsync();
        while (await coopRows.ReadAsync())
        {
            _ = (coopRows.GetInt32(0), coopRows.GetString(1), coopRows.GetString(2), coopRows.GetString(3), coopRows.GetString(4));
        }
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql, int campaignId)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$id", campaignId);
        return command;
    }
}
