using System.Buffers.Binary;
using System.Security.Cryptography;

namespace IncidentDesk.Testing;

/// <summary>RFC 6238 codes (30 s, SHA-1, 6 digits) as an authenticator app computes them from the shared key.</summary>
public static class Totp
{
    // The desk takes each time-step once per account, so a second sign-in of the same account within 30 s needs the code of a
    // later step; the desk accepts up to two steps ahead for clocks that drift.
    private static readonly Dictionary<string, long> LastStep = new(StringComparer.Ordinal);
    private const int StepsAhead = 2;

    /// <summary>The code of the current time-step, or of <paramref name="at"/>'s; for "now", never a step this process used for the key.</summary>
    public static string Code(string base32Key, DateTimeOffset? at = null)
    {
        ArgumentNullException.ThrowIfNull(base32Key);
        var step = (at ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds() / 30;
        if (at is null)
        {
            lock (LastStep)
            {
                var next = LastStep.TryGetValue(base32Key, out var last) ? Math.Max(step, last + 1) : step;
                if (next > step + StepsAhead)
                {
                    throw new InvalidOperationException("More sign-ins of one account within 30 s than the desk accepts codes for.");
                }

                LastStep[base32Key] = step = next;
            }
        }

        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
#pragma warning disable CA5350 // SHA-1 is what RFC 6238 authenticator apps use
        var hash = HMACSHA1.HashData(Base32Decode(base32Key), counter);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0F;
        var binary = ((hash[offset] & 0x7F) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static byte[] Base32Decode(string input)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var clean = input.Replace(" ", "", StringComparison.Ordinal).TrimEnd('=').ToUpperInvariant();
        var output = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in clean)
        {
            buffer = (buffer << 5) | alphabet.IndexOf(c, StringComparison.Ordinal);
            bits += 5;
            if (bits >= 8)
            {
                output.Add((byte)(buffer >> (bits - 8)));
                bits -= 8;
            }
        }

        return [.. output];
    }
}
