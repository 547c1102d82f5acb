using IncidentDesk.Core.Campaigns;
using IncidentDesk.Web.Features.Campaigns;
using IncidentDesk.Web.Security;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentDesk.Benchmarks;

/// <summary>
/// Launching a 12-task campaign to every co-op (340 × 12 = 4,080 co-op tasks, one transaction, audit entry and timeline
/// event) through <see cref="CampaignService"/>, against its floor: the same rows written by one raw, prepared ADO.NET
/// insert per row inside one transaction — no validation, no audit, no change feed.
/// </summary>
internal static class CampaignFigures
{
    public const int Tasks = 12;
    private const int Warmup = 2;
    private const int Runs = 10;

    public static async Task RunAsync(FederationRun run)
    {
        var launch = await Figure.MeasureAsync($"campaign launch {run.CoopCount} × {Tasks} (CampaignService)", Warmup, Runs,
            i => LaunchAsync(run, Tasks, $"Bench {i}"));
        var floor = await Figure.MeasureAsync($"floor: raw ADO.NET insert of the same {run.CoopCount * Tasks} rows", Warmup, Runs,
            i => RawInsertAsync(run, $"Raw {i}"));
        Console.WriteLine(launch.Row(floor));
        Console.WriteLine(floor.Row());
    }

    /// <summary>Launches an ad-hoc campaign of <paramref name="tasks"/> tasks to every co-op; returns its id.</summary>
    public static async Task<int> LaunchAsync(FederationRun run, int tasks, string title)
    {
        await using var scope = run.ActingAs(AppRoles.PrivacyOfficer);
        var inputs = Enumerable.Range(1, tasks)
            .Select(n => new CampaignTaskInput($"Tarefa {n}", "Instruções da tarefa.", 1 + (n % 5), n % 3 == 0, (TaskAnswerType)(n % 4)))
            .ToList();
        var result = await scope.ServiceProvider.GetRequiredService<CampaignService>()
            .LaunchAsync(new CampaignLaunch(run.IncidentId, title, null, inputs, CampaignAudience.AllCoops));
        return result.Succeeded ? result.Value.CampaignId : throw new InvalidOperationException(result.ToString());
    }

    internal static async Task RawInsertAsync(FederationRun run, string title)
    {
        List<int> coops;
        await using (var db = run.CreateDb())
        {
            coops = await db.Coops.Where(c => c.IsActive).Select(c => c.Id).ToListAsync();
        }

        await using var connection = new SqliteConnection(run.ConnectionString);
        await connection.OpenAsync();
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        var now = DateTime.UtcNow;
        await using var campaign = connection.CreateCommand();
        campaign.Transaction = transaction;
        campaign.CommandText = """
            INSERT INTO Campaigns (IncidentId, Title, Audience, LaunchedAtUtc, LaunchedBy) VALUES ($incident, $title, 0, $now, 'bench');
            SELECT last_insert_rowid();
            """;
        campaign.Parameters.AddWithValue("$incident", run.IncidentId);
        campaign.Parameters.AddWithValue("$title", title);
        campaign.Parameters.AddWithValue("$now", now);
        var campaignId = (long)(await campaign.ExecuteScalarAsync())!;

        await using var task = connection.CreateCommand();
        task.Transaction = transaction;
        task.CommandText = """
            INSERT INTO CampaignTasks (CampaignId, "Order", Title, Instructions, DueAtUtc, EvidenceRequired, AnswerType)
            VALUES ($campaign, $order, $title, 'Instruções da tarefa.', $due, 0, 0);
            SELECT last_insert_rowid();
            """;
        var order = task.Parameters.Add("$order", SqliteType.Integer);
        var taskTitle = task.Parameters.Add("$title", SqliteType.Text);
        task.Parameters.AddWithValue("$campaign", campaignId);
        task.Parameters.AddWithValue("$due", now.AddDays(5));
        task.Prepare();

        await using var coopTask = connection.CreateCommand();
        coopTask.Transaction = transaction;
        coopTask.CommandText = """
            INSERT INTO CoopTasks (CampaignTaskId, CampaignId, CoopId, Status, UpdatedAtUtc, Version) VALUES ($task, $campaign, $coop, 0, $now, 0)
            """;
        var taskId = coopTask.Parameters.Add("$task", SqliteType.Integer);
        var coopId = coopTask.Parameters.Add("$coop", SqliteType.Integer);
        coopTask.Parameters.AddWithValue("$campaign", campaignId);
        coopTask.Parameters.AddWithValue("$now", now);
        coopTask.Prepare();

        for (var n = 1; n <= Tasks; n++)
        {
            order.Value = n;
            taskTitle.Value = $"Tarefa {n}";
            taskId.Value = (long)(await task.ExecuteScalarAsync())!;
            foreach (var coop in coops)
            {
                coopId.Value = coop;
                await coopTask.ExecuteNonQueryAsync();
            }
        }

        await transaction.CommitAsync();
    }
}
