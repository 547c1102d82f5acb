using IncidentDesk.Core.Campaigns;

namespace IncidentDesk.Web.Features.Campaigns.Tasks;

/// <summary>pt-BR wording of task changes for the timeline (the incident record's language).</summary>
internal static class TaskText
{
    public static string Status(CoopTaskStatus status) => status switch
    {
        CoopTaskStatus.Open => "Aberta",
        CoopTaskStatus.InProgress => "Em andamento",
        CoopTaskStatus.Blocked => "Bloqueada",
        CoopTaskStatus.Done => "Concluída",
        CoopTaskStatus.NotApplicable => "Não se aplica",
        CoopTaskStatus.Cancelled => "Retirada",
        _ => status.ToString(),
    };

    public static string? Details(CoopTask task)
    {
        var parts = new List<string>(2);
        if (!string.IsNullOrEmpty(task.Answer) && task.Status == CoopTaskStatus.Done)
        {
            parts.Add($"Resposta: {task.Answer}");
        }

        if (!string.IsNullOrEmpty(task.Note))
        {
            parts.Add(task.Note);
        }

        return parts.Count == 0 ? null : string.Join(" — ", parts);
    }
}
