using System.Text.Json;

namespace IncidentDesk.Web.Features.Audit;

/// <summary>One field of an audit entry's change payload, as a person reads it: before → after.</summary>
public sealed record AuditChangeLine(string Field, string? Before, string? After);

/// <summary>
/// Reads the <c>Changes</c> JSON the audit log writes: <c>{"Field":{"from":…,"to":…}}</c> for updates, plain
/// values for creations (after) and deletions (before). Anything else (a summary sentence) is shown as it is.
/// </summary>
public static class AuditChangeLines
{
    /// <summary>The fields, or null when the payload is not a JSON object (show the raw text instead).</summary>
    public static IReadOnlyList<AuditChangeLine>? Parse(string? changes, string action)
    {
        if (string.IsNullOrWhiteSpace(changes) || !changes.TrimStart().StartsWith('{'))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(changes);
            var deleted = action.EndsWith(".Deleted", StringComparison.Ordinal);
            return [.. document.RootElement.EnumerateObject().Select(p => IsChange(p.Value)
                ? new AuditChangeLine(p.Name, Text(p.Value.GetProperty("from")), Text(p.Value.GetProperty("to")))
                : deleted ? new AuditChangeLine(p.Name, Text(p.Value), null)
                : new AuditChangeLine(p.Name, null, Text(p.Value)))];
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static bool IsChange(JsonElement value) =>
        value.ValueKind == JsonValueKind.Object
        && value.EnumerateObject().Count() == 2
        && value.TryGetProperty("from", out _) && value.TryGetProperty("to", out _);

    private static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.String => value.GetString(),
        _ => value.GetRawText(),
    };
}
