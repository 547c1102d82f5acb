using IncidentDesk.Core.Campaigns;

namespace IncidentDesk.Web.Features.Campaigns.Matrix;

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

    /// <summary>Counts the cells present, skipping the gaps (a co-op without a copy of the task).</summary>
    public static ColumnTally Of(IEnumerable<ProgressCell?> cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        return Of(cells.Where(c => c.HasValue).Select(c => c.GetValueOrDefault()));
    }

    public static ColumnTally Of(IEnumerable<ProgressCell> cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        int total = 0, finished = 0, blocked = 0, overdue = 0, notStarted = 0;
        foreach (var cell in cells)
        {
            // A withdrawn task is owed by nobody: not part of what the column still asks for.
            if (cell.Status == CoopTaskStatus.Cancelled)
            {
                continue;
            }

            total++;
            finished += cell.IsFinished ? 1 : 0;
            blocked += cell.Status == CoopTaskStatus.Blocked ? 1 : 0;
            overdue += cell.IsOverdue ? 1 : 0;
            notStarted += cell.Status == CoopTaskStatus.Open ? 1 : 0;
        }

        return new(total, finished, blocked, overdue, notStarted);
    }
}

/// <summary>
/// One co-op's copy of one task, as a matrix cell: only what the cell shows. A 16-byte struct rather than a record with
/// the answer, note and author: fifty officers keeping a 340 × 20 matrix open held 6,800 such objects each (with a copy of
/// the author's name per cell); the cell dialog reads the rest when it opens (<see cref="CampaignProgressService.CellAsync"/>).
/// </summary>
public readonly record struct ProgressCell(int CoopTaskId, int TaskId, CoopTaskStatus Status, bool IsOverdue)
{
    public bool IsFinished => CoopTaskStatuses.IsAnswered(Status);
}

/// <summary>What the cell dialog shows beyond the matrix: read when it opens, never held by an open matrix.</summary>
public sealed record CellDetail(
    int CoopTaskId, int CoopId, CoopTaskStatus Status, string? Answer, string? Note, string? UpdatedBy, DateTime UpdatedAtUtc, int Version);

/// <summary>A co-op of the campaign with its cells in column order (null where the co-op has no copy of a task).</summary>
public sealed record ProgressRow(int CoopId, string CoopCode, string CoopName, string Uf, string FederationCode, IReadOnlyList<ProgressCell?> Cells)
{
    public bool Any(Func<ProgressCell, bool> predicate) => Cells.Any(c => c is { } cell && predicate(cell));

    /// <summary>How many of this co-op's tasks are past due and still unfinished.</summary>
    public int OverdueCount => Cells.Count(c => c is { IsOverdue: true });
}

/// <summary>
/// The matrix's filters, shared by the screen and the downloads so that a file holds exactly the co-ops on screen. The
/// three problem filters widen each other (a co-op with any of the checked problems matches); UF and text narrow.
/// </summary>
public sealed record MatrixFilter(string? Uf = null, bool Overdue = false, bool Blocked = false, bool NotStarted = false, string? Text = null)
{
    public static MatrixFilter None { get; } = new();

    public bool Matches(ProgressRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return (string.IsNullOrEmpty(Uf) || row.Uf == Uf) && MatchesProblems(row) && MatchesText(row);
    }

    public bool MatchesProblems(ProgressRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return !(Overdue || Blocked || NotStarted)
            || (Overdue && row.Any(c => c.IsOverdue))
            || (Blocked && row.Any(c => c.Status == CoopTaskStatus.Blocked))
            || (NotStarted && row.Any(c => c.Status == CoopTaskStatus.Open));
    }

    public bool MatchesText(ProgressRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var text = Text?.Trim() ?? "";
        return text.Length == 0
            || row.CoopCode.Contains(text, StringComparison.OrdinalIgnoreCase)
            || row.CoopName.Contains(text, StringComparison.CurrentCultureIgnoreCase);
    }

    /// <summary>The query string the download endpoints read back (empty when nothing is filtered).</summary>
    public string ToQuery()
    {
        var parts = new List<string>(5);
        if (!string.IsNullOrEmpty(Uf))
        {
            parts.Add($"uf={Uri.EscapeDataString(Uf)}");
        }

        if (Overdue)
        {
            parts.Add("overdue=true");
        }

        if (Blocked)
        {
            parts.Add("blocked=true");
        }

        if (NotStarted)
        {
            parts.Add("notStarted=true");
        }

        if (!string.IsNullOrWhiteSpace(Text))
        {
            parts.Add($"text={Uri.EscapeDataString(Text.Trim())}");
        }

        return parts.Count == 0 ? "" : "?" + string.Join('&', parts);
    }
}

/// <summary>A campaign's co-ops × tasks, for officers and auditors.</summary>
public sealed record CampaignProgress(
    int CampaignId, int IncidentId, string Title, IReadOnlyList<ProgressColumn> Columns, IReadOnlyList<ProgressRow> Rows)
{
    /// <summary>The newest cell update read: an open matrix asks for the cells changed since then.</summary>
    public DateTime LatestUpdateUtc { get; init; }

    public ColumnTally Overall => new(
        Columns.Sum(c => c.Tally.Total), Columns.Sum(c => c.Tally.Finished), Columns.Sum(c => c.Tally.Blocked),
        Columns.Sum(c => c.Tally.Overdue), Columns.Sum(c => c.Tally.NotStarted));

    /// <summary>
    /// How many of these changes the matrix does not show yet (for the live summary a screen reader hears): a cell whose
    /// status differs from the one shown, or one updated after <paramref name="seenUpToUtc"/>. A patch reads a few seconds
    /// behind the newest update seen, so it brings back cells already shown; those are not counted again.
    /// </summary>
    public int CountNew(IReadOnlyCollection<ChangedCell> changes, DateTime seenUpToUtc)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var byTask = new Dictionary<int, ChangedCell>(changes.Count);
        foreach (var change in changes)
        {
            byTask[change.Cell.CoopTaskId] = change;
        }

        var coops = changes.Select(c => c.CoopId).ToHashSet();
        var count = 0;
        foreach (var row in Rows.Where(r => coops.Contains(r.CoopId)))
        {
            foreach (var cell in row.Cells)
            {
                if (cell is { } shown && byTask.TryGetValue(shown.CoopTaskId, out var change)
                    && (shown.Status != change.Cell.Status || change.UpdatedAtUtc > seenUpToUtc))
                {
                    count++;
                }
            }
        }

        return count;
    }

    /// <summary>The matrix with these cells replaced and the tallies of their columns counted again; unknown cells are ignored.</summary>
    public CampaignProgress With(IReadOnlyCollection<ChangedCell> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var columnOf = Columns.Select((c, i) => (c.TaskId, i)).ToDictionary(p => p.TaskId, p => p.i);
        var known = changes.Where(c => columnOf.ContainsKey(c.Cell.TaskId)).ToList();
        if (known.Count == 0)
        {
            return this;
        }

        var byCoop = known.ToLookup(c => c.CoopId);
        var rows = Rows.Select(r =>
        {
            if (!byCoop.Contains(r.CoopId))
            {
                return r;
            }

            var cells = r.Cells.ToArray();
            foreach (var change in byCoop[r.CoopId])
            {
                cells[columnOf[change.Cell.TaskId]] = change.Cell;
            }

            return SharedRows.Share(CampaignId, r with { Cells = cells });
        }).ToList();
        var touched = known.Select(c => columnOf[c.Cell.TaskId]).ToHashSet();
        var columns = Columns.Select((c, i) => touched.Contains(i)
            ? c with { Tally = ColumnTally.Of(rows.Select(r => r.Cells[i])) }
            : c).ToList();
        var latest = known.Max(c => c.UpdatedAtUtc);
        return this with { Rows = rows, Columns = columns, LatestUpdateUtc = latest > LatestUpdateUtc ? latest : LatestUpdateUtc };
    }
}

/// <summary>A co-op's cell as it is now, for patching an open matrix.</summary>
public sealed record ChangedCell(int CoopId, ProgressCell Cell, DateTime UpdatedAtUtc);
