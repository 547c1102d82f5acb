using IncidentDesk.Core.Common;
using IncidentDesk.Web.Features.Incidents.Timeline;

namespace IncidentDesk.Web.Tests.Exports;

/// <summary>
/// A CSV cell of every download (timeline, progress matrix): opened in a spreadsheet, text someone typed must stay text (no formula runs),
/// and quotes, separators and line breaks must not split the row (RFC 4180).
/// </summary>
public sealed class CsvTextTests
{
    [Theory]
    [InlineData("=1+1", "\"'=1+1\"")]
    [InlineData("+55 11 5555-0000", "\"'+55 11 5555-0000\"")]
    [InlineData("-2", "\"'-2\"")]
    [InlineData("@SUM(A1)", "\"'@SUM(A1)\"")]
    [InlineData("\t=cmd", "\"'\t=cmd\"")]
    [InlineData("\r=cmd", "\"'\r=cmd\"")]
    public void TextThatASpreadsheetWouldRunIsPrefixedWithAnApostrophe(string typed, string cell) =>
        Assert.Equal(cell, CsvText.Cell(typed));

    [Theory]
    [InlineData("Fonte; imprensa", "\"Fonte; imprensa\"")]
    [InlineData("Disse \"vazou\"", "\"Disse \"\"vazou\"\"\"")]
    [InlineData("linha 1\r\nlinha 2", "\"linha 1\r\nlinha 2\"")]
    [InlineData("", "\"\"")]
    [InlineData("1 = 1", "\"1 = 1\"")]
    public void OrdinaryTextIsQuotedWithQuotesDoubledAndOtherwiseUnchanged(string typed, string cell) =>
        Assert.Equal(cell, CsvText.Cell(typed));

    [Fact]
    public void TheTimelineFileIsNamedAfterTheIncidentReference() =>
        Assert.Equal("INC-2026-0001-linha-do-tempo.csv", TimelineExport.FileName("INC-2026-0001", "csv"));
}
