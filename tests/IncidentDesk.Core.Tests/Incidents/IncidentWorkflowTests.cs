using IncidentDesk.Core.Incidents;

namespace IncidentDesk.Core.Tests.Incidents;

public sealed class IncidentWorkflowTests
{
    /// <summary>
    /// The incident workflow, written out by hand independently of the production table.
    /// Rows are "from", columns are "to", both in the order below.
    /// <c>=</c> same status, <c>.</c> not allowed, <c>+</c> allowed, <c>R</c> allowed only with a reason.
    /// </summary>
    private static readonly IncidentStatus[] Order =
    [
        IncidentStatus.Reported, IncidentStatus.Triage, IncidentStatus.Investigating, IncidentStatus.Contained,
        IncidentStatus.Notifying, IncidentStatus.Closed, IncidentStatus.Dismissed,
    ];

    private static readonly string[] Expected =
    [
        //  Rep Tri Inv Con Not Clo Dis
        "   =   +   .   .   .   .   R  ", // Reported
        "   .   =   +   .   .   .   R  ", // Triage
        "   .   .   =   +   .   .   .  ", // Investigating
        "   .   .   .   =   +   .   .  ", // Contained
        "   .   .   .   .   =   +   .  ", // Notifying
        "   .   .   R   .   .   =   .  ", // Closed
        "   .   .   .   .   .   .   =  ", // Dismissed
    ];

    private const string AReason = "Relato duplicado do INC-2026-0003; mesmo broker Kafka.";

    private static char Cell(IncidentStatus from, IncidentStatus to)
    {
        string row = Expected[Array.IndexOf(Order, from)].Replace(" ", "", StringComparison.Ordinal);
        return row[Array.IndexOf(Order, to)];
    }

    public static TheoryData<IncidentStatus, IncidentStatus, bool> EveryPairWithAndWithoutReason()
    {
        var data = new TheoryData<IncidentStatus, IncidentStatus, bool>();
        foreach (IncidentStatus from in Order)
        {
            foreach (IncidentStatus to in Order)
            {
                data.Add(from, to, true);
                data.Add(from, to, false);
            }
        }

        return data;
    }

    public static TheoryData<IncidentStatus, IncidentStatus> EveryPair()
    {
        var data = new TheoryData<IncidentStatus, IncidentStatus>();
        foreach (IncidentStatus from in Order)
        {
            foreach (IncidentStatus to in Order)
            {
                data.Add(from, to);
            }
        }

        return data;
    }

    [Fact]
    public void The_expected_table_covers_every_status_exactly_once()
    {
        Assert.Equal(Enum.GetValues<IncidentStatus>().Order(), Order.Order());
        Assert.Equal(Order.Length, Expected.Length);
        Assert.All(Expected, row => Assert.Equal(Order.Length, row.Replace(" ", "", StringComparison.Ordinal).Length));
    }

    [Theory]
    [MemberData(nameof(EveryPairWithAndWithoutReason))]
    public void Check_matches_the_expected_table_for_every_pair(IncidentStatus from, IncidentStatus to, bool withReason)
    {
        TransitionRefusal? expected = Cell(from, to) switch
        {
            '=' => TransitionRefusal.SameStatus,
            '.' => TransitionRefusal.NotAllowed,
            '+' => null,
            'R' => withReason ? null : TransitionRefusal.ReasonRequired,
            char other => throw new InvalidOperationException($"Unknown cell '{other}'."),
        };

        TransitionCheck check = IncidentWorkflow.Check(from, to, withReason ? AReason : null);

        Assert.Equal(expected, check.Refusal);
        Assert.Equal(expected is null, check.Allowed);
        Assert.Equal(from, check.From);
        Assert.Equal(to, check.To);
    }

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void RequiresReason_is_true_exactly_for_the_reason_cells(IncidentStatus from, IncidentStatus to)
    {
        Assert.Equal(Cell(from, to) == 'R', IncidentWorkflow.RequiresReason(from, to));
    }

    [Theory]
    [InlineData(IncidentStatus.Reported, new[] { IncidentStatus.Triage, IncidentStatus.Dismissed })]
    [InlineData(IncidentStatus.Triage, new[] { IncidentStatus.Investigating, IncidentStatus.Dismissed })]
    [InlineData(IncidentStatus.Investigating, new[] { IncidentStatus.Contained })]
    [InlineData(IncidentStatus.Contained, new[] { IncidentStatus.Notifying })]
    [InlineData(IncidentStatus.Notifying, new[] { IncidentStatus.Closed })]
    [InlineData(IncidentStatus.Closed, new[] { IncidentStatus.Investigating })]
    [InlineData(IncidentStatus.Dismissed, new IncidentStatus[0])]
    public void AllowedNext_lists_the_main_line_step_first_then_the_side_exits(IncidentStatus from, IncidentStatus[] expected)
    {
        Assert.Equal(expected, IncidentWorkflow.AllowedNext(from));
    }

    [Fact]
    public void AllowedNext_offers_exactly_what_Check_accepts_with_a_reason()
    {
        foreach (IncidentStatus from in Order)
        {
            var accepted = Order.Where(to => IncidentWorkflow.Check(from, to, AReason).Allowed).ToHashSet();

            Assert.Equal(accepted, IncidentWorkflow.AllowedNext(from).ToHashSet());
        }
    }

    [Fact]
    public void AllowedNext_cannot_be_modified_by_a_caller()
    {
        var next = (IList<IncidentStatus>)IncidentWorkflow.AllowedNext(IncidentStatus.Reported);

        Assert.Throws<NotSupportedException>(() => next.Add(IncidentStatus.Closed));
        Assert.Equal([IncidentStatus.Triage, IncidentStatus.Dismissed], IncidentWorkflow.AllowedNext(IncidentStatus.Reported));
    }

    [Theory]
    [InlineData(IncidentStatus.Reported, IncidentStatus.Dismissed, "")]
    [InlineData(IncidentStatus.Reported, IncidentStatus.Dismissed, " ")]
    [InlineData(IncidentStatus.Triage, IncidentStatus.Dismissed, "\t\r\n")]
    [InlineData(IncidentStatus.Triage, IncidentStatus.Dismissed, "\u00A0\u2003")] // no-break and em spaces
    [InlineData(IncidentStatus.Closed, IncidentStatus.Investigating, "   ")]
    public void A_reason_of_only_whitespace_counts_as_missing(IncidentStatus from, IncidentStatus to, string reason)
    {
        Assert.Equal(TransitionRefusal.ReasonRequired, IncidentWorkflow.Check(from, to, reason).Refusal);
    }

    [Fact]
    public void A_reason_is_accepted_where_none_is_required()
    {
        Assert.True(IncidentWorkflow.Check(IncidentStatus.Contained, IncidentStatus.Notifying, AReason).Allowed);
        Assert.True(IncidentWorkflow.Check(IncidentStatus.Contained, IncidentStatus.Notifying, "  ").Allowed);
    }

    [Theory]
    [InlineData(IncidentStatus.Reported, IncidentStatus.Dismissed)]
    [InlineData(IncidentStatus.Closed, IncidentStatus.Investigating)]
    [InlineData(IncidentStatus.Reported, IncidentStatus.Triage)] // optional reason, same limit
    public void A_reason_of_the_maximum_length_is_accepted_and_one_more_character_is_not(IncidentStatus from, IncidentStatus to)
    {
        string longest = new('x', IncidentWorkflow.MaxReasonLength);

        Assert.True(IncidentWorkflow.Check(from, to, longest).Allowed);
        Assert.Equal(TransitionRefusal.ReasonTooLong, IncidentWorkflow.Check(from, to, longest + "x").Refusal);
    }

    [Fact]
    public void Surrounding_whitespace_does_not_count_towards_the_maximum_length()
    {
        string padded = "  " + new string('x', IncidentWorkflow.MaxReasonLength) + "\n";

        Assert.True(IncidentWorkflow.Check(IncidentStatus.Triage, IncidentStatus.Dismissed, padded).Allowed);
    }

    [Fact]
    public void A_transition_that_does_not_exist_is_refused_as_not_allowed_even_with_a_too_long_reason()
    {
        string tooLong = new('x', IncidentWorkflow.MaxReasonLength + 1);

        Assert.Equal(TransitionRefusal.NotAllowed,
            IncidentWorkflow.Check(IncidentStatus.Dismissed, IncidentStatus.Reported, tooLong).Refusal);
        Assert.Equal(TransitionRefusal.SameStatus,
            IncidentWorkflow.Check(IncidentStatus.Closed, IncidentStatus.Closed, tooLong).Refusal);
    }

    [Fact]
    public void A_status_value_outside_the_enum_is_never_allowed()
    {
        var unknown = (IncidentStatus)99;

        Assert.Empty(IncidentWorkflow.AllowedNext(unknown));
        Assert.Equal(TransitionRefusal.NotAllowed, IncidentWorkflow.Check(unknown, IncidentStatus.Triage, AReason).Refusal);
        Assert.Equal(TransitionRefusal.NotAllowed, IncidentWorkflow.Check(IncidentStatus.Reported, unknown, AReason).Refusal);
        Assert.False(IncidentWorkflow.RequiresReason(IncidentStatus.Closed, unknown));
    }
}
