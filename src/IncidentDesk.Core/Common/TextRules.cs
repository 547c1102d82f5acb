namespace IncidentDesk.Core.Common;

/// <summary>What the desk accepts as text in any field, whoever types it (form, API, CSV import).</summary>
public static class TextRules
{
    /// <summary>
    /// True when the text holds a control character other than tab, line feed or carriage return (NUL, vertical tab,
    /// escape, DEL, the C1 range): invisible on screen, refused by XML-based exports, and never part of what a person meant.
    /// </summary>
    public static bool HasControlCharacters(string? text)
    {
        if (text is null)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (char.IsControl(c) && c is not ('\t' or '\n' or '\r'))
            {
                return true;
            }
        }

        return false;
    }
}
