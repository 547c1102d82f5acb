using System.Globalization;

namespace IncidentDesk.Core.Incidents;

/// <summary>
/// The human reference of an incident, <c>INC-2026-0007</c>: the year the incident was registered and a
/// sequence that restarts every year. Officers read these out on calls and quote them to the ANPD, so there
/// is exactly one spelling per incident (uppercase prefix, four digits at least, no extra leading zeros).
/// </summary>
/// <remarks><c>default(IncidentReference)</c> (year 0) is not a valid reference; build one with the constructor.</remarks>
public readonly record struct IncidentReference
{
    public const string Prefix = "INC-";
    public const int MinYear = 2000;
    public const int MaxYear = 2100;

    /// <summary>Digits shown at least; a year with more than 9,999 incidents widens the number instead of failing.</summary>
    public const int MinSequenceDigits = 4;

    public IncidentReference(int year, int sequence)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, MinYear);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, MaxYear);
        ArgumentOutOfRangeException.ThrowIfLessThan(sequence, 1);
        Year = year;
        Sequence = sequence;
    }

    public int Year { get; }
    public int Sequence { get; }

    /// <summary><c>INC-YYYY-NNNN</c>, e.g. <c>Format(2026, 7)</c> is <c>INC-2026-0007</c> and <c>Format(2026, 12345)</c> is <c>INC-2026-12345</c>.</summary>
    public static string Format(int year, int sequence)
    {
        return new IncidentReference(year, sequence).ToString();
    }

    public override string ToString()
    {
        return string.Create(CultureInfo.InvariantCulture, $"{Prefix}{Year:D4}-{Sequence:D4}");
    }

    /// <summary>
    /// Reads a reference in its one canonical spelling. Refuses lowercase prefixes, surrounding spaces,
    /// years outside 2000–2100, sequence 0, fewer than four digits and widened numbers with a leading zero
    /// (<c>INC-2026-00007</c>), so that every accepted text formats back to itself.
    /// </summary>
    public static bool TryParse(string? text, out IncidentReference reference)
    {
        reference = default;
        if (text is null || !text.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        ReadOnlySpan<char> rest = text.AsSpan(Prefix.Length);
        if (rest.Length < 4 + 1 + MinSequenceDigits || rest[4] != '-')
        {
            return false;
        }

        ReadOnlySpan<char> yearDigits = rest[..4];
        ReadOnlySpan<char> sequenceDigits = rest[5..];
        if (yearDigits.ContainsAnyExceptInRange('0', '9') || sequenceDigits.ContainsAnyExceptInRange('0', '9'))
        {
            return false;
        }

        if (sequenceDigits.Length > MinSequenceDigits && sequenceDigits[0] == '0')
        {
            return false;
        }

        if (!int.TryParse(yearDigits, NumberStyles.None, CultureInfo.InvariantCulture, out int year)
            || !int.TryParse(sequenceDigits, NumberStyles.None, CultureInfo.InvariantCulture, out int sequence))
        {
            return false;
        }

        if (year is < MinYear or > MaxYear || sequence < 1)
        {
            return false;
        }

        reference = new IncidentReference(year, sequence);
        return true;
    }

    /// <summary>
    /// The reference to give the next incident of <paramref name="year"/>: one past the highest sequence in
    /// use. Gaps are never refilled: a number once issued may sit in e-mails, co-op tickets or an ANPD
    /// filing, and must keep pointing at the same incident even if its row is gone. Texts that are not
    /// references of that year are ignored.
    /// </summary>
    public static IncidentReference Next(int year, IEnumerable<string> existingReferencesOfThatYear)
    {
        ArgumentNullException.ThrowIfNull(existingReferencesOfThatYear);
        ArgumentOutOfRangeException.ThrowIfLessThan(year, MinYear);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, MaxYear);

        int highest = 0;
        foreach (string text in existingReferencesOfThatYear)
        {
            if (TryParse(text, out IncidentReference existing) && existing.Year == year && existing.Sequence > highest)
            {
                highest = existing.Sequence;
            }
        }

        if (highest == int.MaxValue)
        {
            throw new InvalidOperationException($"No sequence left for {year}.");
        }

        return new IncidentReference(year, highest + 1);
    }
}
