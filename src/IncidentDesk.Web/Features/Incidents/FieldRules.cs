using IncidentDesk.Core.Common;
using IncidentDesk.Web.Outcomes;

namespace IncidentDesk.Web.Features.Incidents;

/// <summary>The length and presence checks every incident form shares; error codes are worded by each form's resources.</summary>
internal static class FieldRules
{
    public const string Required = "Required";
    public const string TooLong = "TooLong";
    public const string ControlCharacter = "ControlCharacter";

    /// <summary>
    /// Refuses an empty required text ("Error.Required"), one longer than <paramref name="max"/> ("Error.TooLong", with the
    /// maximum), or one holding a control character ("Error.ControlCharacter", <see cref="TextRules"/>).
    /// </summary>
    public static void Text(FieldErrors errors, string field, string? value, int max, bool required)
    {
        var trimmed = value?.Trim() ?? "";
        if (required && trimmed.Length == 0)
        {
            errors.Add(field, Required);
        }
        else if (trimmed.Length > max)
        {
            errors.Add(field, TooLong, max);
        }
        else if (TextRules.HasControlCharacters(trimmed))
        {
            errors.Add(field, ControlCharacter);
        }
    }

    public static string? Optional(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
