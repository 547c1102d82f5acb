using System.Net.Mail;

namespace IncidentDesk.Core.Mail;

/// <summary>
/// Guards the header fields the desk fills from data (display names, subjects, addresses) against header injection: a CR
/// or LF there would let a name like "Ana\r\nBcc: everyone@…" add headers of its own. Addresses with one are refused;
/// names and subjects have every line break and control character folded into a space before they reach a header.
/// </summary>
public static class MailHeaderText
{
    public static bool HasLineBreak(string? value) =>
        value is not null && value.AsSpan().IndexOfAny('\r', '\n') >= 0;

    /// <summary>A header-safe rendering: control characters (CR, LF, NUL, tab…) become spaces, runs of spaces one.</summary>
    public static string Flatten(string? value, int max)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        var chars = value.Select(c => char.IsControl(c) || c is '\u2028' or '\u2029' or '\u0085' ? ' ' : c).ToArray();
        var flat = string.Join(' ', new string(chars).Split(' ', StringSplitOptions.RemoveEmptyEntries));
        return flat.Length <= max ? flat : flat[..max];
    }

    /// <summary>A single bare address (no display name, no line break, no comment), lower-cased; null when it is not one.</summary>
    public static string? Address(string? value)
    {
        var trimmed = value?.Trim() ?? "";
        if (trimmed.Length is 0 or > OutboxMail.AddressMax || HasLineBreak(trimmed) || trimmed.Any(char.IsControl)
            || trimmed.IndexOfAny(['<', '>', ',', ';', '"', '(', ')', ' ']) >= 0)
        {
            return null;
        }

        return MailAddress.TryCreate(trimmed, out var parsed) && parsed.Address == trimmed && parsed.Host.Contains('.', StringComparison.Ordinal)
            ? trimmed.ToLowerInvariant()
            : null;
    }
}
