using System.Net;
using IncidentDesk.Core.Exposure;

namespace IncidentDesk.Core.Tests.Exposure;

/// <summary>
/// Which addresses a check may connect to. Pure classification: nothing here opens a socket, so private and public
/// addresses can be named safely.
/// </summary>
public sealed class TargetAddressPolicyTests
{
    [Theory]
    [InlineData("127.0.0.1", AddressClass.Loopback)]
    [InlineData("127.255.255.254", AddressClass.Loopback)]
    [InlineData("::1", AddressClass.Loopback)]
    [InlineData("10.0.0.5", AddressClass.Private)]
    [InlineData("172.16.0.1", AddressClass.Private)]
    [InlineData("172.31.255.255", AddressClass.Private)]
    [InlineData("192.168.10.20", AddressClass.Private)]
    [InlineData("fd12:3456::1", AddressClass.Private)]
    [InlineData("fec0::1", AddressClass.Private)]
    [InlineData("169.254.169.254", AddressClass.LinkLocal)]
    [InlineData("fe80::1", AddressClass.LinkLocal)]
    [InlineData("100.64.0.1", AddressClass.SharedAddressSpace)]
    [InlineData("0.0.0.0", AddressClass.Unspecified)]
    [InlineData("::", AddressClass.Unspecified)]
    [InlineData("224.0.0.1", AddressClass.Multicast)]
    [InlineData("ff02::1", AddressClass.Multicast)]
    [InlineData("255.255.255.255", AddressClass.Reserved)]
    [InlineData("192.0.2.10", AddressClass.Reserved)]
    [InlineData("198.18.0.1", AddressClass.Reserved)]
    [InlineData("2001:db8::1", AddressClass.Reserved)]
    [InlineData("172.32.0.1", AddressClass.Public)]
    [InlineData("8.8.8.8", AddressClass.Public)]
    [InlineData("200.160.2.3", AddressClass.Public)]
    [InlineData("2804:14c::1", AddressClass.Public)]
    public void Each_range_is_classified(string address, AddressClass expected) =>
        Assert.Equal(expected, TargetAddressPolicy.Classify(IPAddress.Parse(address)));

    [Theory]
    [InlineData("::ffff:10.0.0.5", AddressClass.Private)]
    [InlineData("::ffff:127.0.0.1", AddressClass.Loopback)]
    [InlineData("64:ff9b::a00:5", AddressClass.Private)]
    [InlineData("64:ff9b::a9fe:a9fe", AddressClass.LinkLocal)]
    [InlineData("2002:a00:5::1", AddressClass.Private)]
    [InlineData("::ffff:8.8.8.8", AddressClass.Public)]
    public void An_IPv4_address_carried_inside_IPv6_is_judged_by_where_it_leads(string address, AddressClass expected) =>
        Assert.Equal(expected, TargetAddressPolicy.Classify(IPAddress.Parse(address)));

    [Theory]
    [InlineData("127.0.0.1", false, false)]
    [InlineData("127.0.0.1", true, true)]
    [InlineData("10.1.2.3", true, true)]
    [InlineData("169.254.169.254", false, false)]
    [InlineData("0.0.0.0", true, false)]
    [InlineData("224.0.0.1", true, false)]
    [InlineData("8.8.8.8", false, true)]
    public void Only_public_addresses_may_be_probed_unless_private_targets_are_allowed(string address, bool allowPrivate, bool expected) =>
        Assert.Equal(expected, TargetAddressPolicy.MayProbe(IPAddress.Parse(address), allowPrivate));
}
