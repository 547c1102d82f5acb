using IncidentDesk.Core.Common;
using IncidentDesk.Core.Mail;

namespace IncidentDesk.Web.Features.Admin.Onboarding;

/// <summary>One line of the onboarding file: whom to invite for which co-op.</summary>
public sealed record OnboardingCsvLine(int Line, string Code, string Name, string Email);

/// <summary>
/// Reads a <c>code;name;email</c> file (UTF-8, with or without BOM, ";" or ",", an optional header line), checking every
/// line and reporting every problem, like the directory import: one bad line and nothing is invited. A name or address
/// with a line break (a header-injection attempt inside a quoted cell) is refused, not cleaned.
/// </summary>
public static class OnboardingCsv
{
    public const int MaxBytes = 512 * 1024;
    private const int NameMax = 200;

    public static (IReadOnlyList<OnboardingCsvLine> Lines, IReadOnlyList<OnboardingCsvError> Errors) Read(
        byte[] file, IReadOnlySet<string> knownCodes, IReadOnlySet<string> selectedCodes)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(knownCodes);
        ArgumentNullException.ThrowIfNull(selectedCodes);
        if (file.Length > MaxBytes)
        {
            return ([], [new(0, OnboardingCsvReason.TooLarge)]);
        }

        var text = CsvText.DecodeUtf8(file);
        if (text is null)
        {
            return ([], [new(0, OnboardingCsvReason.NotUtf8)]);
        }

        var document = CsvText.Parse(text);
        if (document.UnterminatedQuoteLine is { } open)
        {
            return ([], [new(open, OnboardingCsvReason.UnterminatedQuote)]);
        }

        var records = document.Records.Where(r => r.Fields.Any(f => f.Trim().Length > 0)).ToList();
        if (records.Count > 0 && records[0].Fields.Select(f => f.Trim().ToLowerInvariant()).SequenceEqual(["code", "name", "email"]))
        {
            records.RemoveAt(0);
        }

        if (records.Count == 0)
        {
            return ([], [new(0, OnboardingCsvReason.Empty)]);
        }

        var lines = new List<OnboardingCsvLine>();
        var errors = new List<OnboardingCsvError>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var record in records)
        {
            if (record.Fields.Count != 3)
            {
                errors.Add(new(record.Line, OnboardingCsvReason.FieldCount));
                continue;
            }

            var code = CsvText.Unguard(record.Fields[0]).Trim().ToUpperInvariant();
            var name = CsvText.Unguard(record.Fields[1]).Trim();
            var rawEmail = CsvText.Unguard(record.Fields[2]).Trim();
            var email = MailHeaderText.HasLineBreak(rawEmail) ? null : InvitationService.ParseEmail(rawEmail);
            var failed = errors.Count;
            if (!knownCodes.Contains(code))
            {
                errors.Add(new(record.Line, OnboardingCsvReason.UnknownCoop, code));
            }
            else if (!selectedCodes.Contains(code))
            {
                errors.Add(new(record.Line, OnboardingCsvReason.NotSelected, code));
            }
            else if (!seen.Add(code))
            {
                errors.Add(new(record.Line, OnboardingCsvReason.DuplicateCoop, code));
            }

            if (email is null)
            {
                errors.Add(new(record.Line, OnboardingCsvReason.InvalidEmail, MailHeaderText.Flatten(rawEmail, 80)));
            }

            if (name.Length > NameMax || MailHeaderText.HasLineBreak(name) || name.Any(char.IsControl))
            {
                errors.Add(new(record.Line, OnboardingCsvReason.InvalidName, MailHeaderText.Flatten(name, 80)));
            }

            if (errors.Count == failed)
            {
                lines.Add(new(record.Line, code, name, email!));
            }
        }

        return (lines, errors);
    }
}
