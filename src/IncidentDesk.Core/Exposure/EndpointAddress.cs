using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace IncidentDesk.Core.Exposure;

/// <summary>Why a declared address was refused; the UI and the CSV report word each code.</summary>
public enum EndpointAddressError
{
    HostRequired,
    HostTooLong,
    HostInvalid,
    PortInvalid,
    KindUnknown,
    PrivateAddress,
}

/// <summary>
/// The address of a declared endpoint: a host name or an IP address, and a port. Names are kept as the DNS sees them
/// (lower-case, internationalised names as punycode) and IP addresses in one canonical spelling, so one endpoint is never
/// declared twice under two spellings. No scheme, path, user or port inside the host: the desk contacts exactly this.
/// </summary>
public static class EndpointAddress
{
    public const int MaxHost = 253;

    private static readonly IdnMapping Idn = new() { UseStd3AsciiRules = true };

    /// <summary>
    /// Checks and normalises a declaration. A literal address in a range the desk does not probe (loopback, link-local,
    /// private…) is refused at once unless <paramref name="allowPrivateTargets"/>; a name is vetted when it is resolved,
    /// at every check, since what it points to can change.
    /// </summary>
    public static EndpointAddressError? Normalise(string? host, int? port, bool allowPrivateTargets, out string normalised)
    {
        normalised = "";
        var text = host?.Trim() ?? "";
        if (text.Length == 0)
        {
            return EndpointAddressError.HostRequired;
        }

        if (text.Length > MaxHost + 2)
        {
            return EndpointAddressError.HostTooLong;
        }

        if (port is not (>= 1 and <= 65535))
        {
            return EndpointAddressError.PortInvalid;
        }

        var bracketed = text.StartsWith('[') && text.EndsWith(']');
        var literal = bracketed ? text[1..^1] : text;
        if (IPAddress.TryParse(literal, out var address) && IsPlainLiteral(literal, address))
        {
            if (!allowPrivateTargets && TargetAddressPolicy.Classify(address) != AddressClass.Public)
            {
                return EndpointAddressError.PrivateAddress;
            }

            normalised = address.ToString();
            return null;
        }

        if (bracketed)
        {
            return EndpointAddressError.HostInvalid;
        }

        var name = text.TrimEnd('.');
        try
        {
            name = Idn.GetAscii(name).ToLowerInvariant();
        }
        catch (ArgumentException)
        {
            return EndpointAddressError.HostInvalid;
        }

        if (name.Length > MaxHost)
        {
            return EndpointAddressError.HostTooLong;
        }

        if (!IsHostName(name))
        {
            return EndpointAddressError.HostInvalid;
        }

        normalised = name;
        return null;
    }

    /// <summary>host:port, with IPv6 addresses in brackets.</summary>
    public static string Format(string host, int port)
    {
        ArgumentNullException.ThrowIfNull(host);
        var shown = host.Contains(':', StringComparison.Ordinal) ? $"[{host}]" : host;
        return string.Create(CultureInfo.InvariantCulture, $"{shown}:{port}");
    }

    // IPAddress.TryParse also reads "1", "1.2" and "0x7f.1" as IPv4 addresses; a person writing those did not mean one.
    private static bool IsPlainLiteral(string text, IPAddress address) =>
        address.AddressFamily == AddressFamily.InterNetworkV6
        || (text.Count(c => c == '.') == 3 && text.All(c => char.IsAsciiDigit(c) || c == '.'));

    // RFC 1123 host names: labels of letters, digits and inner hyphens, 1–63 characters each; not all digits at the end
    // (that would be a mistyped address, e.g. "10.0.0").
    private static bool IsHostName(string name)
    {
        var labels = name.Split('.');
        if (labels.Any(l => l.Length is 0 or > 63 || l[0] == '-' || l[^1] == '-' || !l.All(c => char.IsAsciiLetterOrDigit(c) || c == '-')))
        {
            return false;
        }

        return !labels[^1].All(char.IsAsciiDigit);
    }
}
