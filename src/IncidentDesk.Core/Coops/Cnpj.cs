namespace IncidentDesk.Core.Coops;

/// <summary>
/// The CNPJ (Cadastro Nacional da Pessoa Jurídica): 8 digits of company root, 4 of branch ("0001" is the
/// head office) and 2 mod-11 check digits. Stored as 14 digits; shown as "12.345.678/0001-95".
/// </summary>
/// <remarks>
/// Numeric CNPJ only. From July 2026 the Receita Federal also issues alphanumeric CNPJs
/// (IN RFB 2.229/2024): the first 12 positions may hold A–Z, the check digits stay numeric and are computed
/// from each character's ASCII code minus 48. Existing numeric CNPJs remain valid, so this covers every
/// co-op registered today; extend <see cref="IsValid"/> and <see cref="Complete"/> when the first
/// alphanumeric co-op joins.
/// </remarks>
public static class Cnpj
{
    public const int Length = 14;

    private static readonly int[] FirstWeights = [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2];
    private static readonly int[] SecondWeights = [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2];

    /// <summary>
    /// True for 14 digits, or the formatted mask "00.000.000/0000-00", with correct check digits.
    /// Rejects other lengths, letters, stray punctuation and all-same-digit sequences (00000000000000
    /// passes the mod-11 test but is not a real registration).
    /// </summary>
    public static bool IsValid(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        string candidate = value.Trim();
        string digits;
        if (IsAllDigits(candidate) && candidate.Length == Length)
        {
            digits = candidate;
        }
        else if (IsFormatted(candidate))
        {
            digits = Normalize(candidate);
        }
        else
        {
            return false;
        }

        if (digits.All(c => c == digits[0]))
        {
            return false;
        }

        return string.Equals(Complete(digits[..12]), digits, StringComparison.Ordinal);
    }

    /// <summary>Keeps the ASCII digits only: "12.345.678/0001-95" becomes "12345678000195".</summary>
    public static string Normalize(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return string.Concat(value.Where(char.IsAsciiDigit));
    }

    /// <summary>Formats 14 digits (punctuation tolerated) as "12.345.678/0001-95".</summary>
    public static string Format(string digits14)
    {
        ArgumentNullException.ThrowIfNull(digits14);
        string digits = Normalize(digits14);
        if (digits.Length != Length)
        {
            throw new ArgumentException($"A CNPJ has {Length} digits; got {digits.Length}.", nameof(digits14));
        }

        return $"{digits[..2]}.{digits[2..5]}.{digits[5..8]}/{digits[8..12]}-{digits[12..]}";
    }

    /// <summary>Appends the two mod-11 check digits to a 12-digit root + branch.</summary>
    public static string Complete(string twelveDigits)
    {
        ArgumentNullException.ThrowIfNull(twelveDigits);
        if (twelveDigits.Length != 12 || !IsAllDigits(twelveDigits))
        {
            throw new ArgumentException("Expected exactly 12 digits (root + branch).", nameof(twelveDigits));
        }

        char first = CheckDigit(twelveDigits, FirstWeights);
        char second = CheckDigit(twelveDigits + first, SecondWeights);
        return $"{twelveDigits}{first}{second}";
    }

    private static char CheckDigit(string digits, int[] weights)
    {
        int sum = 0;
        for (int i = 0; i < weights.Length; i++)
        {
            sum += (digits[i] - '0') * weights[i];
        }

        int remainder = sum % 11;
        return (char)('0' + (remainder < 2 ? 0 : 11 - remainder));
    }

    private static bool IsAllDigits(string value) => value.Length > 0 && value.All(char.IsAsciiDigit);

    private static bool IsFormatted(string value)
    {
        const string Mask = "00.000.000/0000-00";
        if (value.Length != Mask.Length)
        {
            return false;
        }

        for (int i = 0; i < Mask.Length; i++)
        {
            bool ok = Mask[i] == '0' ? char.IsAsciiDigit(value[i]) : value[i] == Mask[i];
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }
}
