using System.Net.Mail;
using System.Text;
using IncidentDesk.Core.Common;

namespace IncidentDesk.Core.Coops;

/// <summary>
/// The co-op directory as a CSV file: written for officers to edit in a spreadsheet, read back to update the directory.
/// Reading is pure: it parses and validates every line and reports every problem (line, column, reason) so the person
/// can fix the whole file at once; what the database already holds comes in as a <see cref="CoopCsvDirectory"/>.
/// </summary>
public static class CoopCsv
{
    private const string Yes = "sim", No = "não";

    private static readonly HashSet<string> YesWords = new(StringComparer.OrdinalIgnoreCase) { "sim", "s", "yes", "y", "true", "1" };
    private static readonly HashSet<string> NoWords = new(StringComparer.OrdinalIgnoreCase) { "não", "nao", "n", "no", "false", "0" };

    /// <summary>UTF-8 with BOM, ";", the CNPJ formatted (a spreadsheet would turn 14 digits into a number), flags as sim/não.</summary>
    public static byte[] Write(IEnumerable<Coop> coops)
    {
        ArgumentNullException.ThrowIfNull(coops);
        var text = new StringBuilder();
        CsvText.AppendRow(text, CoopCsvColumns.All);
        foreach (var c in coops)
        {
            CsvText.AppendRow(text,
            [
                c.Code, c.Name, Cnpj.Format(c.Cnpj), c.Uf, c.City,
                c.Federation?.Code ?? throw new ArgumentException($"Co-op {c.Code} was read without its federation.", nameof(coops)),
                c.EncarregadoName, c.EncarregadoEmail, c.EncarregadoPhone, c.IsSmallProcessingAgent ? Yes : No, c.IsActive ? Yes : No,
            ]);
        }

        return CsvText.Utf8WithBom(text);
    }

    public static CoopCsvResult Read(ReadOnlySpan<byte> file, CoopCsvDirectory directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var text = CsvText.DecodeUtf8(file);
        if (text is null)
        {
            return CoopCsvResult.Failed(new CoopCsvError(0, null, CoopCsvReason.NotUtf8));
        }

        var document = CsvText.Parse(text);
        if (document.UnterminatedQuoteLine is { } open)
        {
            return CoopCsvResult.Failed(new CoopCsvError(open, null, CoopCsvReason.UnterminatedQuote));
        }

        if (document.Records.Count == 0)
        {
            return CoopCsvResult.Failed(new CoopCsvError(0, null, CoopCsvReason.Empty));
        }

        var header = document.Records[0];
        var (columns, headerErrors) = ReadHeader(header);
        if (headerErrors.Count > 0)
        {
            return new CoopCsvResult([], headerErrors);
        }

        var rows = new List<CoopCsvRow>();
        var errors = new List<CoopCsvError>();
        var lineByCode = new Dictionary<string, int>(StringComparer.Ordinal);
        var lineByCnpj = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var record in document.Records.Skip(1))
        {
            if (record.Fields.Count != header.Fields.Count)
            {
                errors.Add(new CoopCsvError(record.Line, null, CoopCsvReason.FieldCount));
                continue;
            }

            var line = new LineReader(record, columns, errors);
            var row = line.Read(directory);
            if (row is null)
            {
                continue;
            }

            if (!lineByCode.TryAdd(row.Code, record.Line))
            {
                errors.Add(new CoopCsvError(record.Line, CoopCsvColumns.Code, CoopCsvReason.DuplicateCode));
            }

            if (!lineByCnpj.TryAdd(row.Cnpj, record.Line))
            {
                errors.Add(new CoopCsvError(record.Line, CoopCsvColumns.Cnpj, CoopCsvReason.DuplicateCnpj));
            }
            else if (directory.CodeByCnpj.TryGetValue(row.Cnpj, out var holder) && !string.Equals(holder, row.Code, StringComparison.Ordinal))
            {
                errors.Add(new CoopCsvError(record.Line, CoopCsvColumns.Cnpj, CoopCsvReason.CnpjInUse));
            }

            rows.Add(row);
        }

        return errors.Count > 0 ? new CoopCsvResult(rows, errors) : new CoopCsvResult(rows, []);
    }

    private static (Dictionary<string, int> Columns, List<CoopCsvError> Errors) ReadHeader(CsvRecord header)
    {
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        var errors = new List<CoopCsvError>();
        for (var i = 0; i < header.Fields.Count; i++)
        {
            var name = header.Fields[i].Trim().ToLowerInvariant();
            if (!CoopCsvColumns.All.Contains(name, StringComparer.Ordinal))
            {
                errors.Add(new CoopCsvError(header.Line, header.Fields[i].Trim(), CoopCsvReason.UnknownColumn));
            }
            else if (!columns.TryAdd(name, i))
            {
                errors.Add(new CoopCsvError(header.Line, name, CoopCsvReason.DuplicateColumn));
            }
        }

        errors.AddRange(CoopCsvColumns.All
            .Where(c => !columns.ContainsKey(c) && !CoopCsvColumns.Optional.Contains(c))
            .Select(c => new CoopCsvError(header.Line, c, CoopCsvReason.MissingColumn)));
        return (columns, errors);
    }

    /// <summary>Reads one line's fields, adding an error per bad field; null when any field was bad.</summary>
    private sealed class LineReader(CsvRecord record, Dictionary<string, int> columns, List<CoopCsvError> errors)
    {
        private bool _failed;

        public CoopCsvRow? Read(CoopCsvDirectory directory)
        {
            var code = Text(CoopCsvColumns.Code, CoopLimits.Code).ToUpperInvariant();
            var name = Text(CoopCsvColumns.Name, CoopLimits.Name);
            var cnpj = Check(CoopCsvColumns.Cnpj, Text(CoopCsvColumns.Cnpj, 32), Cnpj.IsValid, CoopCsvReason.InvalidCnpj);
            var uf = Check(CoopCsvColumns.Uf, Text(CoopCsvColumns.Uf, 2).ToUpperInvariant(), BrazilianStates.IsValidUf, CoopCsvReason.InvalidUf);
            var city = Text(CoopCsvColumns.City, CoopLimits.City);
            var federation = Federation(directory, uf);
            var encarregado = Text(CoopCsvColumns.EncarregadoName, CoopLimits.EncarregadoName);
            var email = Check(CoopCsvColumns.EncarregadoEmail, Text(CoopCsvColumns.EncarregadoEmail, CoopLimits.EncarregadoEmail), IsEmail, CoopCsvReason.InvalidEmail);
            var phone = Text(CoopCsvColumns.EncarregadoPhone, CoopLimits.EncarregadoPhone);
            var small = Flag(CoopCsvColumns.SmallProcessingAgent);
            var active = Flag(CoopCsvColumns.Active);
            return _failed ? null : new CoopCsvRow(record.Line, code, name, Cnpj.Normalize(cnpj), uf, city, federation!.Id,
                encarregado, email, phone, small, active);
        }

        private string Raw(string column) =>
            columns.TryGetValue(column, out var index) ? CsvText.Unguard(record.Fields[index]).Trim() : "";

        private string Text(string column, int maxLength)
        {
            var value = Raw(column);
            if (value.Length == 0)
            {
                Fail(column, CoopCsvReason.Required);
            }
            else if (value.Length > maxLength)
            {
                Fail(column, CoopCsvReason.TooLong);
            }
            else if (TextRules.HasControlCharacters(value))
            {
                Fail(column, CoopCsvReason.ControlCharacter);
            }

            return value;
        }

        /// <summary>Only a present value is checked further: an empty one was already reported as required.</summary>
        private string Check(string column, string value, Func<string, bool> valid, string reason)
        {
            if (value.Length > 0 && !valid(value))
            {
                Fail(column, reason);
            }

            return value;
        }

        private CoopCsvFederation? Federation(CoopCsvDirectory directory, string uf)
        {
            var value = Text(CoopCsvColumns.Federation, 200);
            if (value.Length == 0)
            {
                return null;
            }

            var found = directory.Federations.FirstOrDefault(f => string.Equals(f.Code, value, StringComparison.OrdinalIgnoreCase))
                ?? directory.Federations.FirstOrDefault(f => string.Equals(f.Name, value, StringComparison.OrdinalIgnoreCase));
            if (found is null)
            {
                Fail(CoopCsvColumns.Federation, CoopCsvReason.UnknownFederation);
            }
            else if (BrazilianStates.IsValidUf(uf) && !string.Equals(found.Uf, uf, StringComparison.Ordinal))
            {
                // A state federation groups the co-ops of its own UF only.
                Fail(CoopCsvColumns.Federation, CoopCsvReason.FederationOtherUf);
            }

            return found;
        }

        private bool? Flag(string column)
        {
            if (!columns.ContainsKey(column))
            {
                return null;
            }

            var value = Raw(column);
            if (YesWords.Contains(value))
            {
                return true;
            }

            if (NoWords.Contains(value))
            {
                return false;
            }

            Fail(column, value.Length == 0 ? CoopCsvReason.Required : CoopCsvReason.InvalidYesNo);
            return null;
        }

        private void Fail(string column, string reason)
        {
            _failed = true;
            errors.Add(new CoopCsvError(record.Line, column, reason));
        }

        private static bool IsEmail(string value) =>
            MailAddress.TryCreate(value, out var address) && address.Address == value && address.Host.Contains('.', StringComparison.Ordinal);
    }
}
