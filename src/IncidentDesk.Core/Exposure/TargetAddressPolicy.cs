using System.Net;
using System.Net.Sockets;

namespace IncidentDesk.Core.Exposure;

/// <summary>Where an IP address points, as far as the desk's checks are concerned.</summary>
public enum AddressClass
{
    Public,
    Loopback,
    LinkLocal,
    Private,

    /// <summary>Carrier-grade NAT (100.64.0.0/10): a provider's internal network, not the co-op's internet face.</summary>
    SharedAddressSpace,
    Unspecified,
    Multicast,

    /// <summary>Reserved, documentation and benchmarking ranges: nothing the internet routes.</summary>
    Reserved,
}

/// <summary>
/// Which addresses the desk may check. Only public ones, unless an installation says otherwise: a declared endpoint is
/// text anyone with a liaison account can type, and a check of 10.0.0.5 or 169.254.169.254 would let that text steer the
/// desk into the federation's own network or its cloud's metadata service. Every address a name resolves to is vetted,
/// and the check then connects to the vetted address itself, never to the name again.
/// </summary>
public static class TargetAddressPolicy
{
    public static AddressClass Classify(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            return Classify(address.MapToIPv4());
        }

        return address.AddressFamily switch
        {
            AddressFamily.InterNetwork => ClassifyV4(address.GetAddressBytes()),
            AddressFamily.InterNetworkV6 => ClassifyV6(address),
            _ => AddressClass.Reserved,
        };
    }

    /// <summary>
    /// Whether a check may connect to <paramref name="address"/>. With <paramref name="allowPrivateTargets"/> (tests, or a
    /// federation checking its own private network on purpose) loopback, link-local and private ranges are allowed too;
    /// unspecified, multicast and reserved addresses never are.
    /// </summary>
    public static bool MayProbe(IPAddress address, bool allowPrivateTargets) => Classify(address) switch
    {
        AddressClass.Public => true,
        AddressClass.Loopback or AddressClass.LinkLocal or AddressClass.Private or AddressClass.SharedAddressSpace => allowPrivateTargets,
        _ => false,
    };

    private static AddressClass ClassifyV4(byte[] b) => (b[0], b[1], b[2]) switch
    {
        (0, _, _) => AddressClass.Unspecified,
        (127, _, _) => AddressClass.Loopback,
        (10, _, _) => AddressClass.Private,
        (172, >= 16 and <= 31, _) => AddressClass.Private,
        (192, 168, _) => AddressClass.Private,
        (169, 254, _) => AddressClass.LinkLocal,
        (100, >= 64 and <= 127, _) => AddressClass.SharedAddressSpace,
        (192, 0, 0) or (192, 0, 2) or (198, 51, 100) or (203, 0, 113) => AddressClass.Reserved,
        (198, 18 or 19, _) => AddressClass.Reserved,
        ( >= 224 and <= 239, _, _) => AddressClass.Multicast,
        ( >= 240, _, _) => AddressClass.Reserved,
        _ => AddressClass.Public,
    };

    private static AddressClass ClassifyV6(IPAddress address)
    {
        if (address.Equals(IPAddress.IPv6Any))
        {
            return AddressClass.Unspecified;
        }

        if (IPAddress.IsLoopback(address))
        {
            return AddressClass.Loopback;
        }

        var b = address.GetAddressBytes();
        if (b[0] == 0xff)
        {
            return AddressClass.Multicast;
        }

        if (b[0] == 0xfe && (b[1] & 0xc0) == 0x80)
        {
            return AddressClass.LinkLocal;
        }

        // Unique local (fc00::/7) and the deprecated site-local (fec0::/10) are private networks.
        if ((b[0] & 0xfe) == 0xfc || (b[0] == 0xfe && (b[1] & 0xc0) == 0xc0))
        {
            return AddressClass.Private;
        }

        // NAT64 (64:ff9b::/96) and 6to4 (2002::/16) carry an IPv4 address that decides where the packets end up.
        if (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b && b.AsSpan(4, 8).IndexOfAnyExcept((byte)0) < 0)
        {
            return ClassifyV4(b[12..16]);
        }

        if (b[0] == 0x20 && b[1] == 0x02)
        {
            return ClassifyV4(b[2..6]);
        }

        // The IPv4-compatible form (::a.b.c.d) is deprecated; anything else in ::/96 is no destination.
        if (b.AsSpan(0, 12).IndexOfAnyExcept((byte)0) < 0)
        {
            return AddressClass.Reserved;
        }

        // Documentation (2001:db8::/32).
        return b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0d && b[3] == 0xb8 ? AddressClass.Reserved : AddressClass.Public;
    }
}
