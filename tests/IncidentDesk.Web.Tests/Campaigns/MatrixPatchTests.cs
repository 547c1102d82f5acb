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
}
