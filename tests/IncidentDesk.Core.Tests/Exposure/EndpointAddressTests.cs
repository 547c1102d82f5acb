using IncidentDesk.Core.Exposure;

namespace IncidentDesk.Core.Tests.Exposure;

public sealed class EndpointAddressTests
{
    [Theory]
    [InlineData("Kafka.Coop.Example", "kafka.coop.example")]
    [InlineData("  kafka.coop.example.  ", "kafka.coop.example")]
    [InlineData("kafka.cooperativa-são-paulo.com.br", "kafka.xn--cooperativa-so-paulo-1yb.com.br")]
    [InlineData("200.160.2.3", "200.160.2.3")]
    [InlineData("[2804:14C::1]", "2804:14c::1")]
    [InlineData("2804:14c:0:0::1", "2804:14c::1")]
    public void A_host_is_kept_in_one_spelling(string typed, string stored)
    {
        Assert.Null(EndpointAddress.Normalise(typed, 9092, allowPrivateTargets: false, out var host));
        Assert.Equal(stored, host);
    }

    [Theory]
    [InlineData("", 9092, EndpointAddressError.HostRequired)]
    [InlineData("kafka.example", 0, EndpointAddressError.PortInvalid)]
    [InlineData("kafka.example", 65536, EndpointAddressError.PortInvalid)]
    [InlineData("kafka.example", null, EndpointAddressError.PortInvalid)]
    [InlineData("tcp://kafka.example", 9092, EndpointAddressError.HostInvalid)]
    [InlineData("kafka.example:9092", 9092, EndpointAddressError.HostInvalid)]
    [InlineData("kafka.example/topics", 9092, EndpointAddressError.HostInvalid)]
    [InlineData("user@kafka.example", 9092, EndpointAddressError.HostInvalid)]
    [InlineData("-kafka.example", 9092, EndpointAddressError.HostInvalid)]
    [InlineData("kafka..example", 9092, EndpointAddressError.HostInvalid)]
    [InlineData("10.0.0", 9092, EndpointAddressError.HostInvalid)]
    [InlineData("[kafka.example]", 9092, EndpointAddressError.HostInvalid)]
    [InlineData("10.0.0.5", 9092, EndpointAddressError.PrivateAddress)]
    [InlineData("127.0.0.1", 9092, EndpointAddressError.PrivateAddress)]
    [InlineData("169.254.169.254", 80, EndpointAddressError.PrivateAddress)]
    [InlineData("[::1]", 9092, EndpointAddressError.PrivateAddress)]
    public void A_bad_declaration_is_refused_with_its_reason(string host, int? port, EndpointAddressError expected) =>
        Assert.Equal(expected, EndpointAddress.Normalise(host, port, allowPrivateTargets: false, out _));

    [Fact]
    public void A_host_longer_than_a_DNS_name_is_refused() =>
        Assert.Equal(EndpointAddressError.HostTooLong,
            EndpointAddress.Normalise(string.Join('.', Enumerable.Repeat(new string('a', 60), 5)), 9092, false, out _));

    [Fact]
    public void Private_addresses_are_accepted_where_the_installation_allows_them()
    {
        Assert.Null(EndpointAddress.Normalise("127.0.0.1", 9092, allowPrivateTargets: true, out var host));
        Assert.Equal("127.0.0.1", host);
    }

    [Theory]
    [InlineData("kafka.example", 9092, "kafka.example:9092")]
    [InlineData("2804:14c::1", 9093, "[2804:14c::1]:9093")]
    public void An_address_reads_as_host_and_port(string host, int port, string expected) =>
        Assert.Equal(expected, EndpointAddress.Format(host, port));
}
