using System.Text;
using IncidentDesk.Core.Exposure;

namespace IncidentDesk.Core.Tests.Exposure;

public sealed class EndpointCsvTests
{
    private static readonly Dictionary<string, int> Coops = new(StringComparer.Ordinal) { ["SP-004"] = 4, ["RJ-001"] = 7 };

    private static EndpointCsvResult Read(string text, bool allowPrivate = false) =>
        EndpointCsv.Read(Encoding.UTF8.GetBytes(text), Coops, allowPrivate);

    [Fact]
    public void A_good_file_reads_into_normalised_rows_in_any_column_order_and_case()
    {
        var result = Read("\uFEFFKind;Port;HOST;code\r\nkafka;9092;Kafka.SP.example;sp-004\r\n;9093;2804:14c::1;RJ-001\r\n");

        Assert.True(result.IsValid);
        Assert.Equal([(4, "kafka.sp.example", 9092), (7, "2804:14c::1", 9093)], result.Rows.Select(r => (r.CoopId, r.Host, r.Port)));
        Assert.All(result.Rows, r => Assert.Equal(BrokerKind.Kafka, r.Kind));
    }

    [Fact]
    public void Commas_are_read_as_well_and_the_kind_column_may_be_left_out()
    {
        var result = Read("code,host,port\nSP-004,kafka.sp.example,9092\n");

        Assert.True(result.IsValid);
        Assert.Single(result.Rows);
    }

    [Fact]
    public void Every_problem_of_every_line_is_reported()
    {
        var result = Read(string.Join("\n",
            "code;host;port;kind",
            "SP-004;kafka.sp.example;9092;kafka",
            "XX-001;kafka.example;9092;kafka",
            "SP-004;http://kafka.example;porta;rabbitmq",
            "SP-004;10.0.0.5;9092;kafka",
            "SP-004;KAFKA.sp.example;9092;kafka",
            ";;;",
            "SP-004;kafka.sp.example"));

        Assert.Equal(
        [
            (3, EndpointCsv.Code, EndpointCsvReason.UnknownCoop),
            (4, EndpointCsv.Kind, nameof(EndpointAddressError.KindUnknown)),
            (4, EndpointCsv.Port, nameof(EndpointAddressError.PortInvalid)),
            (4, EndpointCsv.Host, nameof(EndpointAddressError.HostInvalid)),
            (5, EndpointCsv.Host, nameof(EndpointAddressError.PrivateAddress)),
            (6, EndpointCsv.Host, EndpointCsvReason.DuplicateLine),
            (7, EndpointCsv.Code, EndpointCsvReason.Required),
            (7, EndpointCsv.Port, EndpointCsvReason.Required),
            (7, EndpointCsv.Host, EndpointCsvReason.Required),
            (8, null, EndpointCsvReason.FieldCount),
        ], result.Errors.Select(e => (e.Line, e.Column, e.Reason)));
        Assert.False(result.IsValid);
    }

    [Theory]
    [InlineData("", EndpointCsvReason.Empty)]
    [InlineData("code;host;port;kind\n", EndpointCsvReason.Empty)]
    [InlineData("code;host;kind\nSP-004;kafka.example;kafka", EndpointCsvReason.MissingColumn)]
    [InlineData("code;host;port;porta\nSP-004;kafka.example;9092;9092", EndpointCsvReason.UnknownColumn)]
    [InlineData("code;host;port;code\nSP-004;kafka.example;9092;SP-004", EndpointCsvReason.DuplicateColumn)]
    [InlineData("code;host;port\n\"SP-004;kafka.example;9092", EndpointCsvReason.UnterminatedQuote)]
    public void A_file_that_cannot_be_read_says_why(string text, string reason) =>
        Assert.Contains(Read(text).Errors, e => e.Reason == reason);

    [Fact]
    public void A_file_not_in_UTF8_is_refused() =>
        Assert.Equal(EndpointCsvReason.NotUtf8, EndpointCsv.Read([0x63, 0x6f, 0x64, 0x65, 0xe7, 0xe3], Coops, false).Errors.Single().Reason);

    [Fact]
    public void A_spreadsheets_formula_guard_is_undone()
    {
        var result = Read("code;host;port\n\"SP-004\";\"kafka.example\";\"'-9092\"");

        Assert.Equal(nameof(EndpointAddressError.PortInvalid), result.Errors.Single().Reason);
    }
}
