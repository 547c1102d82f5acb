using System.Text;
using IncidentDesk.Core.Coops;

namespace IncidentDesk.Core.Tests.Coops;

/// <summary>Reading the directory file an officer edited: every problem reported with its line, column and reason.</summary>
public sealed class CoopCsvTests
{
    private const string Header = "code;name;cnpj;uf;city;federation;encarregado_name;encarregado_email;encarregado_phone;small_processing_agent;active";
    private const string Good = "SP-901;CoopSaúde Teste;11.222.333/0001-81;SP;Campinas;FED-SP;Maria José;maria@coop.example;+55 19 3000-0000;não;sim";

    private static readonly CoopCsvDirectory Directory = new(
        [new CoopCsvFederation(1, "FED-SP", "Federação CoopSaúde de São Paulo", "SP"), new CoopCsvFederation(2, "FED-RJ", "Federação CoopSaúde do Rio de Janeiro", "RJ")],
        new Dictionary<string, string>(StringComparer.Ordinal) { ["11444777000161"] = "SP-001" });

    private static CoopCsvResult Read(string text, bool bom = false) =>
        CoopCsv.Read([.. bom ? Encoding.UTF8.GetPreamble() : [], .. Encoding.UTF8.GetBytes(text)], Directory);

    private static CoopCsvError OnlyError(string text) => Assert.Single(Read(text).Errors);

    private static string Replace(string column, string value)
    {
        var cells = Good.Split(';');
        cells[Array.IndexOf(Header.Split(';'), column)] = value;
        return $"{Header}\r\n{string.Join(';', cells)}\r\n";
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_good_line_is_read_normalised_with_or_without_bom(bool bom)
    {
        var result = Read($"{Header}\r\n{Good}\r\n", bom);

        Assert.True(result.IsValid);
        var row = Assert.Single(result.Rows);
        Assert.Equal(new CoopCsvRow(2, "SP-901", "CoopSaúde Teste", "11222333000181", "SP", "Campinas", 1, "Maria José",
            "maria@coop.example", "+55 19 3000-0000", false, true), row);
    }

    [Fact]
    public void Commas_quotes_free_column_order_and_header_case_are_accepted()
    {
        var text = "NAME,Code,cnpj,UF,city,Federation,encarregado_email,encarregado_name,encarregado_phone\n"
            + "\"CoopSaúde \"\"Vida\"\", Campinas\",sp-902,11222333000181,sp,Campinas,Federação CoopSaúde de São Paulo,a@b.example,\"Silva, Ana\",'+55 11\n";

        var row = Assert.Single(Read(text).Rows);

        Assert.Equal("CoopSaúde \"Vida\", Campinas", row.Name);
        Assert.Equal("SP-902", row.Code);
        Assert.Equal("Silva, Ana", row.EncarregadoName);
        Assert.Equal("+55 11", row.EncarregadoPhone);
        Assert.Null(row.IsActive);
        Assert.Null(row.IsSmallProcessingAgent);
    }

    [Fact]
    public void Missing_duplicate_and_unknown_columns_are_all_reported_on_the_header_line()
    {
        var errors = Read("code;name;name;colour\r\nSP-1;x;x;y\r\n").Errors;

        Assert.Contains(new CoopCsvError(1, "name", CoopCsvReason.DuplicateColumn), errors);
        Assert.Contains(new CoopCsvError(1, "colour", CoopCsvReason.UnknownColumn), errors);
        foreach (var missing in new[] { "cnpj", "uf", "city", "federation", "encarregado_name", "encarregado_email", "encarregado_phone" })
        {
            Assert.Contains(new CoopCsvError(1, missing, CoopCsvReason.MissingColumn), errors);
        }

        Assert.DoesNotContain(errors, e => e.Column is "active" or "small_processing_agent");
    }

    [Theory]
    [InlineData("cnpj", "11.222.333/0001-82", CoopCsvReason.InvalidCnpj)]
    [InlineData("cnpj", "11111111111111", CoopCsvReason.InvalidCnpj)]
    [InlineData("uf", "XX", CoopCsvReason.InvalidUf)]
    [InlineData("encarregado_email", "maria@", CoopCsvReason.InvalidEmail)]
    [InlineData("encarregado_email", "maria coop.example", CoopCsvReason.InvalidEmail)]
    [InlineData("federation", "FED-XX", CoopCsvReason.UnknownFederation)]
    [InlineData("federation", "FED-RJ", CoopCsvReason.FederationOtherUf)]
    [InlineData("active", "talvez", CoopCsvReason.InvalidYesNo)]
    [InlineData("small_processing_agent", "", CoopCsvReason.Required)]
    [InlineData("name", "", CoopCsvReason.Required)]
    [InlineData("code", "  ", CoopCsvReason.Required)]
    [InlineData("city", "", CoopCsvReason.Required)]
    [InlineData("encarregado_name", "", CoopCsvReason.Required)]
    [InlineData("encarregado_phone", "", CoopCsvReason.Required)]
    public void Each_bad_field_is_reported_with_its_line_column_and_reason(string column, string value, string reason)
    {
        Assert.Equal(new CoopCsvError(2, column, reason), OnlyError(Replace(column, value)));
    }

    [Theory]
    [InlineData("code", CoopLimits.Code)]
    [InlineData("name", CoopLimits.Name)]
    [InlineData("city", CoopLimits.City)]
    [InlineData("encarregado_name", CoopLimits.EncarregadoName)]
    [InlineData("encarregado_phone", CoopLimits.EncarregadoPhone)]
    public void Text_longer_than_the_database_column_is_too_long_and_exactly_its_length_is_fine(string column, int max)
    {
        Assert.True(Read(Replace(column, new string('A', max))).IsValid);
        Assert.Equal(new CoopCsvError(2, column, CoopCsvReason.TooLong), OnlyError(Replace(column, new string('A', max + 1))));
    }

    [Fact]
    public void An_email_longer_than_the_column_is_too_long()
    {
        var email = new string('a', 64) + "@" + new string('b', 186) + ".example";
        Assert.Equal(new CoopCsvError(2, "encarregado_email", CoopCsvReason.TooLong), OnlyError(Replace("encarregado_email", email)));
    }

    [Theory]
    [InlineData("name", "CoopSaúde\u000bTeste")]
    [InlineData("city", "Campinas\u0000")]
    [InlineData("encarregado_name", "Maria\u001bJosé")]
    public void A_control_character_in_a_field_is_refused_naming_the_field(string column, string value)
    {
        Assert.Equal(new CoopCsvError(2, column, CoopCsvReason.ControlCharacter), OnlyError(Replace(column, System.Text.RegularExpressions.Regex.Unescape(value))));
    }

    [Fact]
    public void A_line_with_the_wrong_number_of_fields_is_reported_as_a_whole()
    {
        Assert.Equal(new CoopCsvError(2, null, CoopCsvReason.FieldCount), OnlyError($"{Header}\r\nSP-1;x\r\n"));
    }

    [Fact]
    public void Repeated_codes_and_cnpjs_within_the_file_are_reported_on_the_later_line()
    {
        var sameCode = Good.Replace("11.222.333/0001-81", "11.444.777/0002-42", StringComparison.Ordinal);
        var sameCnpj = Good.Replace("SP-901", "SP-903", StringComparison.Ordinal);

        var errors = Read($"{Header}\r\n{Good}\r\n{sameCode}\r\n{sameCnpj}\r\n").Errors;

        Assert.Equal([new CoopCsvError(3, "code", CoopCsvReason.DuplicateCode), new CoopCsvError(4, "cnpj", CoopCsvReason.DuplicateCnpj)], errors);
    }

    [Fact]
    public void A_cnpj_held_by_another_coop_in_the_database_is_refused_but_the_same_coop_keeps_its_own()
    {
        Assert.Equal(new CoopCsvError(2, "cnpj", CoopCsvReason.CnpjInUse), OnlyError(Replace("cnpj", "11.444.777/0001-61")));
        Assert.True(Read(Replace("cnpj", "11.444.777/0001-61").Replace("SP-901", "SP-001", StringComparison.Ordinal)).IsValid);
    }

    [Fact]
    public void Every_bad_line_is_reported_not_only_the_first()
    {
        var text = $"{Header}\r\n{Good}\r\n" + Replace("uf", "ZZ").Split("\r\n")[1].Replace("SP-901", "SP-904", StringComparison.Ordinal)
            + "\r\n" + Replace("encarregado_email", "x").Split("\r\n")[1].Replace("SP-901", "SP-905", StringComparison.Ordinal) + "\r\n";

        var result = Read(text);

        Assert.Equal([3, 4], result.Errors.Select(e => e.Line));
    }

    [Fact]
    public void Files_that_are_empty_unterminated_or_not_utf8_are_refused_as_a_whole()
    {
        Assert.Equal(new CoopCsvError(0, null, CoopCsvReason.Empty), Assert.Single(Read("\r\n").Errors));
        Assert.Equal(new CoopCsvError(2, null, CoopCsvReason.UnterminatedQuote), Assert.Single(Read($"{Header}\r\n\"SP-1;x\r\n").Errors));
        var latin1 = Encoding.Latin1.GetBytes($"{Header}\r\n{Good}\r\n");
        Assert.Equal(new CoopCsvError(0, null, CoopCsvReason.NotUtf8), Assert.Single(CoopCsv.Read(latin1, Directory).Errors));
    }

    [Fact]
    public void What_the_export_writes_reads_back_unchanged()
    {
        var federation = new Federation { Id = 1, Code = "FED-SP", Name = "Federação CoopSaúde de São Paulo", Uf = "SP" };
        var coop = new Coop
        {
            Code = "SP-001", Name = "CoopSaúde \"São\"; Paulo", Cnpj = "11444777000161", Uf = "SP", City = "São Paulo", Federation = federation,
            EncarregadoName = "=Ana", EncarregadoEmail = "ana@coop.example", EncarregadoPhone = "+55 11 3000-0000", IsSmallProcessingAgent = true, IsActive = false,
        };

        var row = Assert.Single(CoopCsv.Read(CoopCsv.Write([coop]), Directory).Rows);

        Assert.Equal(new CoopCsvRow(2, "SP-001", coop.Name, coop.Cnpj, "SP", "São Paulo", 1, "=Ana", "ana@coop.example", "+55 11 3000-0000", true, false), row);
    }
}
