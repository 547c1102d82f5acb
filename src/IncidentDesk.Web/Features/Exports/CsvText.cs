using System.Text;

namespace IncidentDesk.Web.Features.Exports;

/// <summary>
/// CSV for Brazilian Excel, shared by every download: UTF-8 with BOM (so accents open right), ";" between cells
/// (the pt-BR list separator), every cell quoted (RFC 4180), and no cell a spreadsheet would run as a formula.
/// </summary>
public static class CsvText
{
    public const string ContentType = "text/csv; charset=utf-8";

    /// <summary>
    /// One CSV cell: always quoted (RFC 4180, quotes doubled), and text a spreadsheet would run as a formula
    /// (= + - @, or a leading tab or carriage return) is prefixed with an apostrophe so it stays text.
    /// </summary>
    public static string Cell(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
    }

    /// <summary>Appends one record, CRLF-terminated as RFC 4180 asks.</summary>
    public static void AppendRow(StringBuilder text, IEnumerable<string> cells)
    {
        ArgumentNullException.ThrowIfNull(text);
        text.Append(string.Join(';', cells.Select(Cell))).Append("\r\n");
    }

    /// <summary>The finished file: BOM, then the text as UTF-8.</summary>
    public static byte[] Bytes(StringBuilder text)
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
}
