using System.Text;

namespace IncidentDesk.Core.Common;

/// <summary>
/// Text as an XML 1.0 document (a workbook, a Word file) can hold it. People paste text from anywhere — a vertical tab from
/// a spreadsheet, a stray NUL from a chat export — and one such character would make the whole file fail to write.
/// </summary>
public static class XmlText
{
    /// <summary>The text without control characters other than tab, newline and carriage return, unpaired surrogates, U+FFFE and U+FFFF.</summary>
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var firstBad = FirstInvalid(text);
        if (firstBad < 0)
        {
            return text;
        }

        var clean = new StringBuilder(text.Length).Append(text, 0, firstBad);
        for (var i = firstBad; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                clean.Append(c).Append(text[++i]);
            }
            else if (IsAllowed(c))
            {
                clean.Append(c);
            }
        }

        return clean.ToString();
    }

    private static int FirstInvalid(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (!IsAllowed(c))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool IsAllowed(char c) =>
        c is '\t' or '\n' or '\r' || (c >= '\u0020' && c <= '\uD7FF') || (c >= '\uE000' && c <= '\uFFFD');
}
