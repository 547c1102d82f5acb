using System.Text;

namespace IncidentDesk.Core.Common;

/// <summary>One record of a CSV file: its fields and the (1-based) line it starts on, for error reports.</summary>
public sealed record CsvRecord(int Line, IReadOnlyList<string> Fields);

/// <summary>A CSV file as records, or the line where its quoting broke.</summary>
public sealed record CsvDocument(IReadOnlyList<CsvRecord> Records, char Separator, int? UnterminatedQuoteLine);

/// <summary>
/// CSV as the desk writes and reads it. Written for Brazilian Excel: UTF-8 with BOM, ";", every cell quoted (RFC 4180)
/// and text a spreadsheet would run as a formula prefixed with an apostrophe. Read leniently: with or without BOM,
/// ";" or "," (whichever the header line uses), quoted fields that hold separators, quotes and line breaks.
/// </summary>
public static class CsvText
{
    public const string ContentType = "text/csv; charset=utf-8";

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// One CSV cell: always quoted (RFC 4180, quotes doubled), and text a spreadsheet would run as a formula
    /// (= + - @, or a leading tab or carriage return) is prefixed with an apostrophe so it stays text.
    /// </summary>
    public static string Cell(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length > 0 && IsFormulaStart(value[0]))
        {
            value = "'" + value;
        }

        return $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
    }

    /// <summary>Undoes <see cref="Cell"/>'s formula guard, so a file the desk exported reads back as it was.</summary>
    public static string Unguard(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Length > 1 && value[0] == '\'' && IsFormulaStart(value[1]) ? value[1..] : value;
    }

    public static void AppendRow(StringBuilder text, IEnumerable<string> cells)
    {
        ArgumentNullException.ThrowIfNull(text);
        text.Append(string.Join(';', cells.Select(Cell))).Append("\r\n");
    }

    /// <summary>The text as the bytes of a file Excel opens as UTF-8 (with the BOM).</summary>
    public static byte[] Utf8WithBom(StringBuilder text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    /// <summary>A file name part that is safe in a Content-Disposition header and on every file system.</summary>
    public static string SafeFileNamePart(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new string([.. value.Select(c => char.IsAsciiLetterOrDigit(c) || c == '-' ? c : '_')]);
    }

    /// <summary>Decodes UTF-8, dropping a BOM; null when the bytes are not UTF-8 (e.g. a Latin-1 export).</summary>
    public static string? DecodeUtf8(ReadOnlySpan<byte> bytes)
    {
        var preamble = Encoding.UTF8.Preamble;
        if (bytes.StartsWith(preamble))
        {
            bytes = bytes[preamble.Length..];
        }

        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    /// <summary>Splits the text into records; the separator is the one of ";" and "," the first line uses more.</summary>
    public static CsvDocument Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var separator = DetectSeparator(text);
        var records = new List<CsvRecord>();
        var fields = new List<string>();
        var field = new StringBuilder();
        int line = 1, recordLine = 1, i = 0;
        bool quoted = false, fieldWasQuoted = false;
        while (i < text.Length)
        {
            var ch = text[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i += 2;
                    continue;
                }

                if (ch == '"')
                {
                    quoted = false;
                }
                else
                {
                    line += ch == '\n' ? 1 : 0;
                    field.Append(ch);
                }

                i++;
                continue;
            }

            if (ch == '"' && field.Length == 0 && !fieldWasQuoted)
            {
                quoted = fieldWasQuoted = true;
            }
            else if (ch == separator)
            {
                fields.Add(field.ToString());
                field.Clear();
                fieldWasQuoted = false;
            }
            else if (ch is '\r' or '\n')
            {
                if (ch == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                EndRecord();
                line++;
                recordLine = line;
            }
            else
            {
                field.Append(ch);
            }

            i++;
        }

        if (quoted)
        {
            return new CsvDocument(records, separator, recordLine);
        }

        EndRecord();
        return new CsvDocument(records, separator, null);

        void EndRecord()
        {
            fields.Add(field.ToString());
            field.Clear();
            fieldWasQuoted = false;
            // A blank line (often the last one) is no record.
            if (fields.Count > 1 || fields[0].Length > 0)
            {
                records.Add(new CsvRecord(recordLine, [.. fields]));
            }

            fields.Clear();
        }
    }

    private static char DetectSeparator(string text)
    {
        int semicolons = 0, commas = 0;
        var quoted = false;
        foreach (var ch in text)
        {
            if (ch == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && ch is '\r' or '\n')
            {
                break;
            }
            else if (!quoted)
            {
                semicolons += ch == ';' ? 1 : 0;
                commas += ch == ',' ? 1 : 0;
            }
        }

        return commas > semicolons ? ',' : ';';
    }

    private static bool IsFormulaStart(char first) => first is '=' or '+' or '-' or '@' or '\t' or '\r';
}
