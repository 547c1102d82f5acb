using System.Globalization;
using IncidentDesk.Web.Features.Register;
using IncidentDesk.Web.Tests.Infrastructure;

namespace IncidentDesk.Web.Tests.Register;

/// <summary>The register's communication chip: the words an officer reads against the deadline, and the protocol once filed.</summary>
public sealed class FilingChipTests : MudComponentTestBase
{
    private static readonly DateOnly Due = new(2026, 4, 9);

    [Theory]
    [InlineData(FilingState.Pending, "pendente", "mud-chip-color-warning")]
    [InlineData(FilingState.Overdue, "pendente — prazo vencido", "mud-chip-color-error")]
    [InlineData(FilingState.OnTime, "no prazo", "mud-chip-color-success")]
    [InlineData(FilingState.Late, "com atraso", "mud-chip-color-error")]
    [InlineData(FilingState.NotRequired, "não exigida", "mud-chip-color-default")]
    public void The_chip_words_and_colours_the_filing_state(FilingState state, string words, string colourClass)
    {
        var chip = RenderWithMud<FilingChip>(p => p.Add(c => c.Filing, new RegisterFiling(Due, state, null, null)))
            .Find("[data-testid=filing-chip]");

        Assert.Equal(words, chip.TextContent.Trim());
        Assert.Contains(colourClass, chip.ClassList);
    }

    [Fact]
    public void A_filed_communication_shows_when_in_brasilia_time_and_its_protocol_literally()
    {
        var filedAt = new DateTime(2026, 4, 7, 18, 30, 0, DateTimeKind.Utc); // 15:30 in Brasília
        var filing = new RegisterFiling(Due, FilingState.OnTime, filedAt, "<b>ANPD-2026-77</b>");

        var markup = RenderWithMud<FilingChip>(p => p.Add(c => c.Filing, filing)).Markup;

        Assert.Contains(new DateTime(2026, 4, 7, 15, 30, 0).ToString("g", CultureInfo.GetCultureInfo("pt-BR")), markup, StringComparison.Ordinal);
        Assert.Contains("protocolo &lt;b&gt;ANPD-2026-77&lt;/b&gt;", markup, StringComparison.Ordinal);
    }
}
