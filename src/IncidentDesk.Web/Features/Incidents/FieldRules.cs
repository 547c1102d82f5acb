using IncidentDesk.Web.Outcomes;

namespace IncidentDesk.Web.Features.Incidents;

/// <summary>The length and presence checks every incident form shares; error codes are worded by each form's resources.</summary>
internal static class FieldRules
{
    public const string Required = "Required";
    public const string TooLong = "TooLong";

    /// <summary>Refuses an empty required text ("Error.Required") or one longer than <paramref name="max"/> ("Error.TooLong", with the maximum).</summary>
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
    }

    public static string? Optional(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
