using IncidentDesk.Web.Features.Campaigns.Matrix;
using BenchmarkDotNet.Attributes;
using IncidentDesk.Web.Features.Campaigns;
using IncidentDesk.Web.Features.Incidents;
using IncidentDesk.Web.Security;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentDesk.Benchmarks.Micro;

/// <summary>Campaign launch 340 × 12 through the service, against the raw prepared insert of the same rows (the floor).</summary>
public class CampaignLaunchBenchmarks
{
    private FederationRun _run = null!;
    private int _n;

    [GlobalSetup]
    public async Task SetUpAsync() => _run = await MicroFederation.GetAsync();

    [Benchmark(Description = "launch 340 × 12 (CampaignService)")]
    public Task<int> Launch() => CampaignFigures.LaunchAsync(_run, CampaignFigures.Tasks, $"Micro {++_n}");

    [Benchmark(Baseline = true, Description = "floor: raw prepared ADO.NET insert")]
    public Task RawInsert() => CampaignFigures.RawInsertAsync(_run, $"Micro raw {++_n}");
}

/// <summary>The progress matrix 340 × 20 read through the service, against hand-written SQL rows + per-column aggregate.</summary>
public class MatrixQueryBenchmarks
{
    private FederationRun _run = null!;
    private int _campaignId;

    [GlobalSetup]
    public async Task SetUpAsync()
    {
        _run = await MicroFederation.GetAsync();
        _campaignId = await CampaignFigures.LaunchAsync(_run, MatrixFigures.Tasks, "Micro matriz 340 × 20");
        await using var db = _run.CreateDb();
        await db.Database.ExecuteSqlRawAsync(
            "UPDATE CoopTasks SET Status = (Id * 7 + CampaignTaskId) % 5, Version = 1 WHERE CampaignId = {0}", _campaignId);
    }

    [Benchmark(Description = "matrix 340 × 20 (CampaignProgressService)")]
    public async Task<object?> Matrix()
    {
        await using var scope = _run.ActingAs(AppRoles.PrivacyOfficer);
        return await scope.ServiceProvider.GetRequiredService<CampaignProgressService>().GetAsync(_campaignId);
    }

    [Benchmark(Baseline = true, Description = "floor: hand-written SQL + aggregate")]
    public Task RawRead() => MatrixFigures.RawReadAsync(_run, _campaignId);
}

/// <summary>The incident list's first page (25 newest of five years, with the total) through the service, against raw SQL.</summary>
public class IncidentListBenchmarks
{
    private FederationRun _run = null!;

    [GlobalSetup]
    public async Task SetUpAsync() => _run = await MicroFederation.GetAsync();

    [Benchmark(Description = "incident list first page (IncidentService)")]
    public async Task<int> FirstPage()
    {
        await using var scope = _run.ActingAs(AppRoles.PrivacyOfficer);
        var page = await scope.ServiceProvider.GetRequiredService<IncidentService>().SearchAsync(new IncidentQuery());
        return page.Rows.Count + page.TotalCount;
    }

    [Benchmark(Baseline = true, Description = "floor: raw SQL count + page")]
    public async Task<int> RawFirstPage()
    {
        await using var connection = new SqliteConnection(_run.ConnectionString);
        await connection.OpenAsync();
        await using var count = connection.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM Incidents";
        var total = Convert.ToInt32(await count.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        await using var page = connection.CreateCommand();
        page.CommandText = """
            SELECT i.Id, i.Reference, i.Title, i.Status, i.Severity, i.Source, i.ReportedAtUtc,
                   (SELECT COUNT(*) FROM CoopInvolvements v WHERE v.IncidentId = i.Id)
            FROM Incidents i ORDER BY i.ReportedAtUtc DESC, i.Id DESC LIMIT 25
            """;
        var rows = 0;
        await using var reader = await page.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            _ = (reader.GetInt32(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3), reader.GetInt32(4), reader.GetInt32(5),
                reader.GetString(6), reader.GetInt32(7));
            rows++;
        }

        return rows + total;
    }
}
