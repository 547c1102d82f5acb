using IncidentDesk.Core.Incidents;

namespace IncidentDesk.Core.Tests.Incidents;

public sealed class IncidentReferenceTests
{
    [Theory]
    [InlineData(2026, 1, "INC-2026-0001")]
    [InlineData(2026, 7, "INC-2026-0007")]
    [InlineData(2026, 42, "INC-2026-0042")]
    [InlineData(2026, 999, "INC-2026-0999")]
    [InlineData(2026, 9999, "INC-2026-9999")]
    [InlineData(2026, 10000, "INC-2026-10000")]
    [InlineData(2026, 123456, "INC-2026-123456")]
    [InlineData(2000, 1, "INC-2000-0001")]
    [InlineData(2100, 1, "INC-2100-0001")]
    public void Format_pads_the_sequence_to_four_digits_and_widens_beyond_that(int year, int sequence, string expected)
    {
        Assert.Equal(expected, IncidentReference.Format(year, sequence));
        Assert.Equal(expected, new IncidentReference(year, sequence).ToString());
    }

    [Theory]
    [InlineData(1999, 1)]
    [InlineData(2101, 1)]
    [InlineData(0, 1)]
    [InlineData(26, 1)]
    [InlineData(2026, 0)]
    [InlineData(2026, -1)]
    [InlineData(2026, int.MinValue)]
    public void Format_rejects_years_outside_the_range_and_sequences_below_one(int year, int sequence)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => IncidentReference.Format(year, sequence));
    }

    [Theory]
    [InlineData("INC-2026-0007", 2026, 7)]
    [InlineData("INC-2026-0001", 2026, 1)]
    [InlineData("INC-2026-9999", 2026, 9999)]
    [InlineData("INC-2026-10000", 2026, 10000)]
    [InlineData("INC-2000-0001", 2000, 1)]
    [InlineData("INC-2100-0420", 2100, 420)]
    public void TryParse_reads_canonical_references(string text, int year, int sequence)
    {
        Assert.True(IncidentReference.TryParse(text, out IncidentReference reference));
        Assert.Equal(new IncidentReference(year, sequence), reference);
        Assert.Equal(text, reference.ToString());
    }

    [Theory]
    [InlineData("inc-2026-0007")] // the prefix is uppercase, exactly
    [InlineData("Inc-2026-0007")]
    [InlineData("INC2026-0007")]
    [InlineData("INC-2026_0007")]
    [InlineData("INC-20260007")]
    [InlineData(" INC-2026-0007")]
    [InlineData("INC-2026-0007 ")]
    [InlineData("INC-1999-0001")] // years before 2000
    [InlineData("INC-2101-0001")] // years after 2100
    [InlineData("INC-0000-0001")]
    [InlineData("INC-2026-0000")] // sequence zero
    [InlineData("INC-2026--001")] // negative sequence
    [InlineData("INC-2026-+001")]
    [InlineData("INC-2026-7")] // fewer than four digits
    [InlineData("INC-2026-007")]
    [InlineData("INC-2026-00007")] // widened with a leading zero: not the canonical spelling
    [InlineData("INC-26-0007")]
    [InlineData("INC-02026-0007")]
    [InlineData("INC-2026-00A7")]
    [InlineData("INC-2026-٠٠٠٧")] // Arabic-Indic digits
    [InlineData("INC-2026-99999999999")] // beyond int
    [InlineData("INC-")]
    [InlineData("")]
    [InlineData(null)]
    public void TryParse_rejects_anything_but_the_canonical_spelling(string? text)
    {
        Assert.False(IncidentReference.TryParse(text, out IncidentReference reference));
        Assert.Equal(default, reference);
    }

    [Fact]
    public void Next_on_an_empty_year_starts_at_one()
    {
        Assert.Equal("INC-2026-0001", IncidentReference.Next(2026, []).ToString());
    }

    [Fact]
    public void Next_is_one_past_the_highest_sequence_whatever_the_order()
    {
        string[] existing = ["INC-2026-0003", "INC-2026-0011", "INC-2026-0001", "INC-2026-0002"];

        Assert.Equal(new IncidentReference(2026, 12), IncidentReference.Next(2026, existing));
    }

    [Fact]
    public void Next_never_refills_a_gap_left_by_an_issued_number()
    {
        Assert.Equal("INC-2026-0006", IncidentReference.Next(2026, ["INC-2026-0001", "INC-2026-0005"]).ToString());
    }

    [Fact]
    public void Next_widens_past_9999()
    {
        Assert.Equal("INC-2026-10000", IncidentReference.Next(2026, ["INC-2026-9999"]).ToString());
        Assert.Equal("INC-2026-10001", IncidentReference.Next(2026, ["INC-2026-9999", "INC-2026-10000"]).ToString());
    }

    [Fact]
    public void Next_ignores_other_years_and_texts_that_are_not_references()
    {
        string[] existing = ["INC-2025-0099", "INC-2026-0004", "inc-2026-0050", "INC-2026-00080", "", "rubbish"];

        Assert.Equal("INC-2026-0005", IncidentReference.Next(2026, existing).ToString());
    }

    [Fact]
    public void Next_counts_each_year_on_its_own()
    {
        Assert.Equal("INC-2027-0001", IncidentReference.Next(2027, ["INC-2026-0300"]).ToString());
    }

    [Fact]
    public void Next_refuses_when_no_sequence_is_left()
    {
        string last = IncidentReference.Format(2026, int.MaxValue);

        Assert.Throws<InvalidOperationException>(() => IncidentReference.Next(2026, [last]));
    }

    [Theory]
    [InlineData(1999)]
    [InlineData(2101)]
    public void Next_rejects_years_outside_the_range(int year)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => IncidentReference.Next(year, []));
    }

    [Fact]
    public void Next_rejects_a_null_list()
    {
        Assert.Throws<ArgumentNullException>(() => IncidentReference.Next(2026, null!));
    }

    [Fact]
    public void Equal_references_are_equal_values()
    {
        Assert.Equal(new IncidentReference(2026, 7), new IncidentReference(2026, 7));
        Assert.NotEqual(new IncidentReference(2026, 7), new IncidentReference(2025, 7));
    }
}
