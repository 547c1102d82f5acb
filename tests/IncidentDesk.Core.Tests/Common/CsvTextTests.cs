using System.Text;
using IncidentDesk.Core.Common;

namespace IncidentDesk.Core.Tests.Common;

public sealed class CsvTextTests
{
    [Fact]
    public void A_semicolon_header_makes_semicolon_the_separator_and_commas_stay_inside_fields()
    {
        var doc = CsvText.Parse("code;name\r\nAC-001;Saúde, Vida\r\n");

        Assert.Equal(';', doc.Separator);
        Assert.Equal(["AC-001", "Saúde, Vida"], doc.Records[1].Fields);
    }

    [Fact]
    public void A_comma_header_makes_comma_the_separator()
    {
        var doc = CsvText.Parse("code,name\nAC-001,Vida; Saúde\n");

        Assert.Equal(',', doc.Separator);
        Assert.Equal(["AC-001", "Vida; Saúde"], doc.Records[1].Fields);
    }

    [Fact]
    public void Quoted_fields_keep_separators_doubled_quotes_and_line_breaks_and_lines_are_counted_from_where_a_record_starts()
    {
        var doc = CsvText.Parse("a;b\r\n\"x;y\";\"diz \"\"oi\"\"\r\nsegunda linha\"\r\nz;w\r\n");

        Assert.Equal(["x;y", "diz \"oi\"\r\nsegunda linha"], doc.Records[1].Fields);
        Assert.Equal(2, doc.Records[1].Line);
        Assert.Equal(4, doc.Records[2].Line);
    }

    [Fact]
    public void Blank_lines_are_no_records_and_an_open_quote_is_reported_with_its_line()
    {
        Assert.Equal(2, CsvText.Parse("a;b\r\n\r\n1;2\r\n\r\n").Records.Count);
        Assert.Equal(2, CsvText.Parse("a;b\r\n\"1;2\r\n3;4").UnterminatedQuoteLine);
    }

    [Fact]
    public void Utf8_is_read_with_or_without_bom_and_other_encodings_are_refused()
    {
        var bytes = Encoding.UTF8.GetBytes("São Paulo");
        Assert.Equal("São Paulo", CsvText.DecodeUtf8([.. Encoding.UTF8.GetPreamble(), .. bytes]));
        Assert.Equal("São Paulo", CsvText.DecodeUtf8(bytes));
        Assert.Null(CsvText.DecodeUtf8(Encoding.Latin1.GetBytes("São Paulo")));
    }

    [Theory]
    [InlineData("=1+1")]
    [InlineData("+55 11 3000-0000")]
    [InlineData("-x")]
    [InlineData("@SUM(A1)")]
    public void A_formula_guarded_cell_reads_back_as_typed(string typed)
    {
        var cell = CsvText.Cell(typed);
        Assert.StartsWith("\"'", cell, StringComparison.Ordinal);
        var read = CsvText.Parse(cell).Records[0].Fields[0];
        Assert.Equal(typed, CsvText.Unguard(read));
    }

    [Fact]
    public void An_apostrophe_before_ordinary_text_is_kept()
    {
        Assert.Equal("'Olho d'água", CsvText.Unguard("'Olho d'água"));
    }
}
