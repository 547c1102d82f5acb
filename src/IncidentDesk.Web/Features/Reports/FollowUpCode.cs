using System.Security.Cryptography;
using System.Text;

namespace IncidentDesk.Web.Features.Reports;

/// <summary>
/// The reporter's key to their report's status page: 160 random bits written as 32 base-32 characters in groups of four
/// (no 0/O or 1/I to misread). Shown once; only its SHA-256 is stored, which is enough for a secret of that entropy.
/// </summary>
public static class FollowUpCode
{
    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private const int Characters = 32;

    public static string New()
    {
        var bytes = RandomNumberGenerator.GetBytes(Characters);
        var text = new StringBuilder(Characters + (Characters / 4));
        for (var i = 0; i < Characters; i++)
        {
            if (i > 0 && i % 4 == 0)
            {
                text.Append('-');
            }

            // 256 is a multiple of 32: every character is equally likely.
            text.Append(Alphabet[bytes[i] % Alphabet.Length]);
        }

        return text.ToString();
    }

    /// <summary>The stored form of a code as typed: case, spaces and dashes do not matter; null when it cannot be one.</summary>
    public static string? Hash(string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed) || typed.Length > 80)
        {
            return null;
        }

        var normal = new StringBuilder(Characters);
        foreach (var c in typed)
        {
            if (c is '-' or ' ')
            {
                continue;
            }

            var upper = char.ToUpperInvariant(c);
            if (!Alphabet.Contains(upper, StringComparison.Ordinal))
            {
                return null;
            }

            normal.Append(upper);
        }

        return normal.Length == Characters
            ? Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(normal.ToString())))
            : null;
    }
}
