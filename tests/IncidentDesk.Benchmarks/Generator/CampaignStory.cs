using IncidentDesk.Core.Campaigns;
using IncidentDesk.Core.Common;
using IncidentDesk.Core.Incidents;
using IncidentDesk.Core.Timeline;

namespace IncidentDesk.Benchmarks.Generator;

/// <summary>
/// Writes a campaign as the desk would have left it: 8–20 tasks fanned out to every co-op, a UF or a federation
/// (10–340 co-ops), each co-op's task at its latest status with its version counting its updates, and one timeline
/// event per update (the app writes one per status change). Old campaigns are mostly done; recent ones in progress.
/// Co-op tasks carry no evidence, so no task needs it: a "done" that requires evidence would break the app's rules.
/// </summary>
internal sealed class CampaignStory(HistoryWriter writer, Random random, IReadOnlyList<DirectoryCoop> coops, DateTime untilUtc)
{
    private const string Officer = "Ana Encarregada";
    private readonly IReadOnlyList<IGrouping<string, DirectoryCoop>> largeUfs =
        [.. coops.GroupBy(c => c.Uf).Where(g => g.Count() >= 10).OrderBy(g => g.Key, StringComparer.Ordinal)];

    public int Launched { get; private set; }

    /// <summary>Writes a campaign when the incident warrants one (or when forced); returns the timeline events written.</summary>
    public int Write(int incidentId, IncidentSeverity severity, IReadOnlyList<DirectoryCoop> involved, DateTime launchUtc, DateTime endUtc, bool force)
    {
        var chance = severity switch { IncidentSeverity.Critical => 60, IncidentSeverity.High => 25, IncidentSeverity.Medium => 5, _ => 0 };
        if (!force && random.Next(100) >= chance)
        {
            return 0;
        }

        // Every fourth campaign goes to the whole federation, the others to a UF or a federation of co-ops.
        var (audience, filter, audienceCoops) = (Launched % 4) switch
        {
            0 => (CampaignAudience.AllCoops, (string?)null, coops),
            1 or 2 => UfAudience(CampaignAudience.Uf),
            _ => UfAudience(CampaignAudience.Federation),
        };
        Launched++;
        var campaignId = writer.NextId(writer.Campaigns);
        var title = $"Plano de ação {HistoryTexts.Systems[random.Next(HistoryTexts.Systems.Length)]}";
        writer.Campaigns.Row(campaignId, incidentId, title, null, audience, filter, launchUtc, Officer);
        writer.Automatic(incidentId, TimelineEventKind.Task, launchUtc, $"Campanha lançada: {title}",
            $"{audienceCoops.Count} cooperativas.", Officer);
        var events = 1;
        var taskCount = random.Next(8, 21);
        var first = random.Next(HistoryTexts.TaskTitles.Length);
        var old = (untilUtc - launchUtc).TotalDays > 45;
        for (var order = 1; order <= taskCount; order++)
        {
            var taskId = writer.NextId(writer.CampaignTasks);
            var taskTitle = HistoryTexts.TaskTitles[(first + order) % HistoryTexts.TaskTitles.Length];
            var due = Brasilia.EndOfDayUtc(Brasilia.Day(launchUtc).AddDays(random.Next(3, 16)));
            var answerType = (TaskAnswerType)random.Next(0, 4);
            writer.CampaignTasks.Row(taskId, campaignId, order, taskTitle, "Siga as orientações da federação e registre o resultado.", due, false, answerType);
            foreach (var coop in audienceCoops)
            {
                events += WriteCoopTask(incidentId, campaignId, taskId, taskTitle, answerType, coop, launchUtc, Max(due.AddDays(10), launchUtc), endUtc, old);
            }
        }

        return events;
    }

    private (CampaignAudience, string?, IReadOnlyList<DirectoryCoop>) UfAudience(CampaignAudience audience)
    {
        var uf = random.One(largeUfs);
        return (audience, audience == CampaignAudience.Uf ? uf.Key : uf.First().FederationCode, [.. uf]);
    }

    private int WriteCoopTask(int incidentId, int campaignId, int taskId, string taskTitle, TaskAnswerType answerType, DirectoryCoop coop,
        DateTime launchUtc, DateTime lastUtc, DateTime endUtc, bool old)
    {
        var status = old
            ? random.Pick((CoopTaskStatus.Done, 85), (CoopTaskStatus.NotApplicable, 8), (CoopTaskStatus.InProgress, 4), (CoopTaskStatus.Blocked, 3))
            : random.Pick((CoopTaskStatus.Open, 35), (CoopTaskStatus.InProgress, 25), (CoopTaskStatus.Blocked, 5), (CoopTaskStatus.Done, 30), (CoopTaskStatus.NotApplicable, 5));
        // The path to that status: some pass through "in progress" first.
        IReadOnlyList<CoopTaskStatus> path = status switch
        {
            CoopTaskStatus.Open => [],
            CoopTaskStatus.InProgress or CoopTaskStatus.NotApplicable => [status],
            _ => random.Next(2) == 0 ? [CoopTaskStatus.InProgress, status] : [status],
        };
        var liaison = $"Encarregado {coop.Code}";
        var at = launchUtc;
        var end = lastUtc < endUtc ? lastUtc : endUtc;
        var from = CoopTaskStatus.Open;
        foreach (var to in path)
        {
            at = random.Between(at, end);
            writer.Automatic(incidentId, TimelineEventKind.Task, at,
                $"{coop.Code} · {taskTitle}: {HistoryTexts.TaskWord(from)} → {HistoryTexts.TaskWord(to)}", null, liaison);
            from = to;
        }

        var note = status switch
        {
            CoopTaskStatus.Blocked => "Aguardando retorno do fornecedor.",
            CoopTaskStatus.NotApplicable => "A cooperativa não usa o sistema afetado.",
            _ => null,
        };
        writer.CoopTasks.Row(taskId, campaignId, coop.Id, status, status == CoopTaskStatus.Done ? HistoryTexts.Answer(answerType, coop.Id) : null,
            note, at, path.Count == 0 ? Officer : liaison, path.Count);
        return path.Count;
    }

    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;
}
