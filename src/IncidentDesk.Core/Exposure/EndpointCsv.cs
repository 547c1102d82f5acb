using System.Globalization;
using IncidentDesk.Core.Common;

namespace IncidentDesk.Core.Exposure;

/// <summary>Why a line of an endpoint file was refused; the UI words each code in pt-BR / en-US.</summary>
public static class EndpointCsvReason
{
    public const string TooLarge = "TooLarge";
    public const string NotUtf8 = "NotUtf8";
    public const string Empty = "Empty";
    public const string UnterminatedQuote = "UnterminatedQuote";
    public const string MissingColumn = "MissingColumn";
    public const string DuplicateColumn = "DuplicateColumn";
    public const string UnknownColumn = "UnknownColumn";
    public const string FieldCount = "FieldCount";
    public const string Required = "Required";
    public const string UnknownCoop = "UnknownCoop";
    public const string DuplicateLine = "DuplicateLine";
}

/// <summary>One refused line: where (0 = the file as a whole), which column (null = the whole line), why.</summary>
public sealed record EndpointCsvError(int Line, string? Column, string Reason);

/// <summary>One valid line, normalised (see <see cref="EndpointAddress"/>).</summary>
public sealed record EndpointCsvRow(int Line, int CoopId, string CoopCode, string Host, int Port, BrokerKind Kind);

public sealed record EndpointCsvResult(IReadOnlyList<EndpointCsvRow> Rows, IReadOnlyList<EndpointCsvError> Errors)
{
    public bool IsValid => Errors.Count == 0;

    public static EndpointCsvResult Failed(params EndpointCsvError[] errors) => new([], errors);
}

/// <summary>
/// The file co-ops and officers fill to declare many endpoints at once: <c>code;host;port;kind</c> (kind may be left
/// empty for Kafka), any column order and case, ";" or ",", with or without BOM. Every line is checked and every problem
/// reported; the caller writes nothing unless all lines are valid. Co-op codes are looked up among the co-ops the person
/// may change — another co-op's code reads as unknown, so a file never confirms which codes exist.
/// </summary>
public static class EndpointCsv
{
    public const string Code = "code";
    public const string Host = "host";
    public const string Port = "port";
    public const string Kind = "kind";

    public static IReadOnlyList<string> Columns { get; } = [Code, Host, Port, Kind];

    public static EndpointCsvResult Read(ReadOnlySpan<byte> file, IReadOnlyDictionary<string, int> coopIdByCode, bool allowPrivateTargets)
    {
        ArgumentNullException.ThrowIfNull(coopIdByCode);
        var text = CsvText.DecodeUtf8(file);
        if (text is null)
        {
            return EndpointCsvResult.Failed(new EndpointCsvError(0, null, EndpointCsvReason.NotUtf8));
        }

        var document = CsvText.Parse(text);
        if (document.UnterminatedQuoteLine is { } open)
        {
            return EndpointCsvResult.Failed(new EndpointCsvError(open, null, EndpointCsvReason.UnterminatedQuote));
        }

        if (document.Records.Count <= 1)
        {
            return EndpointCsvResult.Failed(new EndpointCsvError(0, null, EndpointCsvReason.Empty));
        }

        var (columns, errors) = ReadHeader(document.Records[0]);
        if (errors.Count > 0)
        {
            return new EndpointCsvResult([], errors);
        }

        var rows = new List<EndpointCsvRow>();
        var seen = new Dictionary<(int, string, int), int>();
        foreach (var record in document.Records.Skip(1))
        {
            if (record.Fields.Count != document.Records[0].Fields.Count)
            {
                errors.Add(new EndpointCsvError(record.Line, null, EndpointCsvReason.FieldCount));
                continue;
            }

            var row = ReadLine(record, columns, coopIdByCode, allowPrivateTargets, errors);
            if (row is null)
            {
                continue;
            }

            if (!seen.TryAdd((row.CoopId, row.Host, row.Port), record.Line))
            {
                errors.Add(new EndpointCsvError(record.Line, Host, EndpointCsvReason.DuplicateLine));
                continue;
            }

            rows.Add(row);
        }

        return new EndpointCsvResult(rows, errors);
    }

    private static (Dictionary<string, int> Columns, List<EndpointCsvError> Errors) ReadHeader(CsvRecord header)
    {
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        var errors = new List<EndpointCsvError>();
        for (var i = 0; i < header.Fields.Count; i++)
        {
            var name = CsvText.Unguard(header.Fields[i]).Trim().TrimStart('\uFEFF').ToLowerInvariant();
            if (!Columns.Contains(name, StringComparer.Ordinal))
            {
                errors.Add(new EndpointCsvError(header.Line, header.Fields[i].Trim(), EndpointCsvReason.UnknownColumn));
            }
            else if (!columns.TryAdd(name, i))
            {
                errors.Add(new EndpointCsvError(header.Line, name, EndpointCsvReason.DuplicateColumn));
            }
        }

        errors.AddRange(Columns.Where(c => c != Kind && !columns.ContainsKey(c))
            .Select(c => new EndpointCsvError(header.Line, c, EndpointCsvReason.MissingColumn)));
        return (columns, errors);
    }

    private static EndpointCsvRow? ReadLine(
        CsvRecord record, Dictionary<string, int> columns, IReadOnlyDictionary<string, int> coopIdByCode, bool allowPrivate,
        List<EndpointCsvError> errors)
    {
        var before = errors.Count;
        var code = Cell(Code).ToUpperInvariant();
        var host = Cell(Host);
        var portText = Cell(Port);
        var kindText = Cell(Kind);

        if (code.Length == 0)
        {
            errors.Add(new EndpointCsvError(record.Line, Code, EndpointCsvReason.Required));
        }
        else if (!coopIdByCode.ContainsKey(code))
        {
            errors.Add(new EndpointCsvError(record.Line, Code, EndpointCsvReason.UnknownCoop));
        }

        BrokerKind? kind = kindText.Length == 0 || string.Equals(kindText, "kafka", StringComparison.OrdinalIgnoreCase) ? BrokerKind.Kafka : null;
        if (kind is null)
        {
            errors.Add(new EndpointCsvError(record.Line, Kind, nameof(EndpointAddressError.KindUnknown)));
        }

        int? port = int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p is >= 1 and <= 65535 ? p : null;
        if (portText.Length == 0)
        {
            errors.Add(new EndpointCsvError(record.Line, Port, EndpointCsvReason.Required));
        }
        else if (port is null)
        {
            errors.Add(new EndpointCsvError(record.Line, Port, nameof(EndpointAddressError.PortInvalid)));
        }

        // The host is judged on its own (any valid port will do here), so a bad port never hides a bad host.
        var normalised = "";
        if (host.Length == 0)
        {
            errors.Add(new EndpointCsvError(record.Line, Host, EndpointCsvReason.Required));
        }
        else if (EndpointAddress.Normalise(host, port ?? 1, allowPrivate, out normalised) is { } error)
        {
            errors.Add(new EndpointCsvError(record.Line, Host, error.ToString()));
        }

        return errors.Count > before ? null : new EndpointCsvRow(record.Line, coopIdByCode[code], code, normalised, port!.Value, kind!.Value);

        string Cell(string column) => columns.TryGetValue(column, out var index) ? CsvText.Unguard(record.Fields[index]).Trim() : "";
    }
}
