using IncidentDesk.Core.Campaigns;
using IncidentDesk.Web.Features.Campaigns;

namespace IncidentDesk.Web.Tests.Campaigns;

/// <summary>An open matrix takes a co-op's answer by replacing that one cell and recounting its column — nothing else moves.</summary>
public sealed class MatrixPatchTests
{
    private static readonly DateTime Due = new(2026, 12, 10, 2, 59, 59, DateTimeKind.Utc);
    private static readonly DateTime Then = new(2026, 11, 20, 12, 0, 0, DateTimeKind.Utc);

    private static ProgressCell Cell(int id, int task, CoopTaskStatus status) => new(id, task, status, false);

    private static CampaignProgress Matrix()
    {
        static ProgressRow Row(int coop, string code, int firstId) =>
            new(coop, code, $"Coop {code}", "SP", "FED-SP", [Cell(firstId, 10, CoopTaskStatus.Open), Cell(firstId + 1, 11, CoopTaskStatus.Open)]);
        List<ProgressRow> rows = [Row(1, "SP-001", 100), Row(2, "SP-002", 200)];
        List<ProgressColumn> columns =
        [
            new(10, 1, "Inventário", Due, false, TaskAnswerType.StatusOnly, ColumnTally.Of(rows.Select(r => r.Cells[0]!))),
            new(11, 2, "Logs", Due, false, TaskAnswerType.StatusOnly, ColumnTally.Of(rows.Select(r => r.Cells[1]!))),
        ];
        return new CampaignProgress(7, 1, "Campanha", columns, rows) { LatestUpdateUtc = Then };
    }

    [Fact]
    public void A_done_answer_replaces_its_cell_and_moves_only_its_columns_count()
    {
        var before = Matrix();
        var done = Cell(201, 11, CoopTaskStatus.Done);
        var answeredAt = Then.AddHours(1);

        var after = before.With([new ChangedCell(2, done, answeredAt)]);

        Assert.Equal(done, after.Rows.Single(r => r.CoopId == 2).Cells[1]);
        Assert.Same(before.Rows[0], after.Rows[0]);
        Assert.Equal(1, after.Columns[1].Tally.Finished);
        Assert.Equal(0, after.Columns[0].Tally.Finished);
        Assert.Equal(0, before.Columns[1].Tally.Finished);
        Assert.Equal(1, after.Overall.Finished);
        Assert.Equal(answeredAt, after.LatestUpdateUtc); // the next patch reads from here
    }

    [Fact]
    public void A_cell_of_a_task_the_matrix_does_not_show_changes_nothing()
    {
        var before = Matrix();

        Assert.Same(before, before.With([new ChangedCell(2, Cell(999, 99, CoopTaskStatus.Done), Then)]));
    }

    [Fact]
    public void Only_answers_the_matrix_does_not_show_yet_are_counted_as_new()
    {
        var shown = Matrix().With([new ChangedCell(1, Cell(100, 10, CoopTaskStatus.Done), Then.AddMinutes(1))]);
        var seenUpTo = shown.LatestUpdateUtc;

        // A patch reads a few seconds behind: it brings back the answer already shown, and two new ones.
        int New(params ChangedCell[] changes) => shown.CountNew(changes, seenUpTo);
        var again = new ChangedCell(1, Cell(100, 10, CoopTaskStatus.Done), Then.AddMinutes(1));
        var blocked = new ChangedCell(2, Cell(200, 10, CoopTaskStatus.Blocked), Then.AddMinutes(2));
        var reworded = new ChangedCell(1, Cell(100, 10, CoopTaskStatus.Done), Then.AddMinutes(3)); // same status, new answer
        var lateCommit = new ChangedCell(2, Cell(201, 11, CoopTaskStatus.InProgress), Then); // stamped earlier, committed later

        Assert.Equal(0, New(again));
        Assert.Equal(3, New(again, blocked, reworded, lateCommit));
        Assert.Equal(0, New(new ChangedCell(2, Cell(999, 99, CoopTaskStatus.Done), Then.AddHours(1)))); // not this matrix's
    }
}
