using IncidentDesk.Core.Campaigns;

namespace IncidentDesk.Web.Features.Campaigns;

/// <summary>One column of the progress matrix: a campaign task, with how far the co-ops got with it.</summary>
public sealed record ProgressColumn(
    int TaskId, int Order, string Title, DateTime DueAtUtc, bool EvidenceRequired, TaskAnswerType AnswerType, ColumnTally Tally);

/// <summary>
/// How a column (or a UF group) stands. Done and Not applicable both count as finished: a co-op that justified why a
/// task does not apply to it owes nothing more.
/// </summary>
public sealed record ColumnTally(int Total, int Finished, int Blocked, int Overdue, int NotStarted)
{
    public static ColumnTally Empty { get; } = new(0, 0, 0, 0, 0);

    /// <summary>Whole percent, rounded down so that 100 % means every co-op really finished.</summary>
    public int PercentComplete => Total == 0 ? 0 : Finished * 100 / Total;

    public static ColumnTally Of(IEnumerable<ProgressCell> cells)
    {
        int total = 0, finished = 0, blocked = 0, overdue = 0, notStarted = 0;
        foreach (var cell in cells)
        {
            total++;
            finished += cell.IsFinished ? 1 : 0;
            blocked += cell.Status == CoopTaskStatus.Blocked ? 1 : 0;
            overdue += cell.IsOverdue ? 1 : 0;
            notStarted += cell.Status == CoopTaskStatus.Open ? 1 : 0;
        }

        return new(total, finished, blocked, overdue, notStarted);
    }
}

/// <summary>One co-op's copy of one task, as a matrix cell.</summary>
public sealed record ProgressCell(
    int CoopTaskId, int TaskId, CoopTaskStatus Status, string? Answer, string? Note, string? UpdatedBy, DateTime UpdatedAtUtc,
    int Version, bool IsOverdue)
{
    public bool IsFinished => Status is CoopTaskStatus.Done or CoopTaskStatus.NotApplicable;
}

/// <summary>A co-op of the campaign with its cells in column order (null where the co-op has no copy of a task).</summary>
public sealed record ProgressRow(int CoopId, string CoopCode, string CoopName, string Uf, string FederationCode, IReadOnlyList<ProgressCell?> Cells)
{
    public bool Any(Func<ProgressCell, bool> predicate) => Cells.Any(c => c is not null && predicate(c));
}

/// <summary>A campaign's co-ops × tasks, for officers and auditors.</summary>
public sealed record CampaignProgress(
    int CampaignId, int IncidentId, string Title, IReadOnlyList<ProgressColumn> Columns, IReadOnlyList<ProgressRow> Rows)
{
    public ColumnTally Overall => new(
        Columns.Sum(c => c.Tally.Total), Columns.Sum(c => c.Tally.Finished), Columns.Sum(c => c.Tally.Blocked),
        Columns.Sum(c => c.Tally.Overdue), Columns.Sum(c => c.Tally.NotStarted));
}
