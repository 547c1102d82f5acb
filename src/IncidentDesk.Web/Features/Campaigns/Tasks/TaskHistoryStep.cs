using IncidentDesk.Core.Campaigns;
using IncidentDesk.Web.Features.Audit;

namespace IncidentDesk.Web.Features.Campaigns.Tasks;

/// <summary>
/// One audited change of a co-op task, as the cell dialog tells it: the status it moved between, the answer and the note
/// it left. The audit page keeps the raw record (every field, versions and timestamps); here the bookkeeping is left out.
/// </summary>
internal sealed record TaskHistoryStep((CoopTaskStatus? Before, CoopTaskStatus? After)? Status, string? Answer, string? Note)
{
    /// <summary>What an automatic check found, on tasks about an exposed broker (the outcome's name); null otherwise.</summary>
    public string? CheckOutcome { get; init; }

    /// <summary>The topics that check saw listed, when it found the broker exposed.</summary>
    public int? CheckTopics { get; init; }

    public static TaskHistoryStep Of(AuditRow entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var lines = AuditChangeLines.Parse(entry.Changes, entry.Action) ?? [];
        var status = lines.FirstOrDefault(l => l.Field == nameof(CoopTask.Status));
        return new TaskHistoryStep(
            status is null ? null : (StatusOf(status.Before), StatusOf(status.After)),
            lines.FirstOrDefault(l => l.Field == nameof(CoopTask.Answer))?.After,
            lines.FirstOrDefault(l => l.Field == nameof(CoopTask.Note))?.After)
        {
            CheckOutcome = lines.FirstOrDefault(l => l.Field == Exposure.Findings.CheckRecorder.OutcomeField)?.After,
            CheckTopics = int.TryParse(lines.FirstOrDefault(l => l.Field == Exposure.Findings.CheckRecorder.TopicCountField)?.After,
                System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var topics) ? topics : null,
        };
    }

    // Stored as the enum's number by the change tracker; a name is read as well.
    private static CoopTaskStatus? StatusOf(string? value) =>
        Enum.TryParse<CoopTaskStatus>(value, ignoreCase: true, out var status) && Enum.IsDefined(status) ? status : null;
}
