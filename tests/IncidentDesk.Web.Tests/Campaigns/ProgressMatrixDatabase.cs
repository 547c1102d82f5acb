using IncidentDesk.Core.Campaigns;
using IncidentDesk.Core.Incidents;
using IncidentDesk.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using IncidentDesk.Testing;

namespace IncidentDesk.Web.Tests.Campaigns;

/// <summary>
/// The demo directory plus one incident with a three-task campaign sent to four co-ops. Task 1 was due yesterday, tasks
/// 2 and 3 are due next year. Each co-op's statuses (tasks 1, 2, 3), as <see cref="Statuses"/> lists them:
/// AC-001 done, done, not applicable · AC-002 blocked (so overdue), open, in progress · SP-001 done, in progress, open ·
/// SP-002 not applicable, done, open. Completion per column: 75 %, 50 %, 25 %.
/// </summary>
public sealed class ProgressMatrixDatabase : IAsyncLifetime
{
    public static readonly IReadOnlyDictionary<string, CoopTaskStatus[]> Statuses = new Dictionary<string, CoopTaskStatus[]>
    {
        ["AC-001"] = [CoopTaskStatus.Done, CoopTaskStatus.Done, CoopTaskStatus.NotApplicable],
        ["AC-002"] = [CoopTaskStatus.Blocked, CoopTaskStatus.Open, CoopTaskStatus.InProgress],
        ["SP-001"] = [CoopTaskStatus.Done, CoopTaskStatus.InProgress, CoopTaskStatus.Open],
        ["SP-002"] = [CoopTaskStatus.NotApplicable, CoopTaskStatus.Done, CoopTaskStatus.Open],
    };

    public SeededDirectoryDatabase Directory { get; } = new();

    public int CampaignId { get; private set; }

    public int IncidentId { get; private set; }

    /// <summary>A second campaign of the same incident, one open task for RJ-001, for the test that changes it.</summary>
    public int LiveCampaignId { get; private set; }

    public async ValueTask InitializeAsync()
    {
        await Directory.InitializeAsync();
        await using var db = Directory.CreateContext();
        var now = DateTime.UtcNow;
        var incident = new Incident
        {
            Reference = "INC-2026-0001", Title = "Kafka exposto", Summary = "Resumo",
            ReportedAtUtc = now, KnowledgeAtUtc = now, CreatedAtUtc = now, UpdatedAtUtc = now,
        };
        db.Incidents.Add(incident);
        await db.SaveArrangedAsync();

        var campaign = new Campaign { IncidentId = incident.Id, Title = "Contenção", LaunchedAtUtc = now.AddDays(-3), LaunchedBy = "officer@federacao.example" };
        campaign.Tasks.Add(new CampaignTask { Order = 1, Title = "Confirmar o uso do aplicativo", DueAtUtc = now.AddDays(-1) });
        campaign.Tasks.Add(new CampaignTask { Order = 2, Title = "Fechar listeners públicos", DueAtUtc = now.AddYears(1) });
        campaign.Tasks.Add(new CampaignTask { Order = 3, Title = "Trocar credenciais", DueAtUtc = now.AddYears(1), AnswerType = TaskAnswerType.YesNo });
        db.Campaigns.Add(campaign);
        await db.SaveArrangedAsync();

        var coops = await db.Coops.Where(c => Statuses.Keys.Contains(c.Code)).ToDictionaryAsync(c => c.Code, c => c.Id);
        foreach (var (code, statuses) in Statuses)
        {
            for (var i = 0; i < statuses.Length; i++)
            {
                var changed = statuses[i] != CoopTaskStatus.Open;
                db.CoopTasks.Add(new CoopTask
                {
                    CampaignTaskId = campaign.Tasks[i].Id, CampaignId = campaign.Id, CoopId = coops[code], Status = statuses[i],
                    Note = statuses[i] == CoopTaskStatus.Blocked ? "<b>Aguardando fornecedor</b>" : null,
                    Answer = statuses[i] == CoopTaskStatus.Done && i == 2 ? "sim" : null,
                    UpdatedAtUtc = changed ? now.AddHours(-2) : campaign.LaunchedAtUtc,
                    UpdatedBy = changed ? $"liaison.{code.ToLowerInvariant()}@coop.example" : null,
                    Version = changed ? 1 : 0,
                });
            }
        }

        var live = new Campaign { IncidentId = incident.Id, Title = "Ao vivo", LaunchedAtUtc = now, LaunchedBy = "officer@federacao.example" };
        live.Tasks.Add(new CampaignTask { Order = 1, Title = "Avisar os titulares", DueAtUtc = now.AddYears(1) });
        db.Campaigns.Add(live);
        await db.SaveArrangedAsync();
        var rio = await db.Coops.Where(c => c.Code == "RJ-001").Select(c => c.Id).SingleAsync();
        db.CoopTasks.Add(new CoopTask { CampaignTaskId = live.Tasks[0].Id, CampaignId = live.Id, CoopId = rio, UpdatedAtUtc = now });

        await db.SaveArrangedAsync();
        CampaignId = campaign.Id;
        IncidentId = incident.Id;
        LiveCampaignId = live.Id;
    }

    public ValueTask DisposeAsync() => Directory.DisposeAsync();
}
