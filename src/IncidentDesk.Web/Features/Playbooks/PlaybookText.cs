using Microsoft.Extensions.Localization;

namespace IncidentDesk.Web.Features.Playbooks;

/// <summary>Words the service's error codes for the editor (limits named in the message, so the officer knows what fits).</summary>
internal static class PlaybookText
{
    public static string? Message(IStringLocalizer<PlaybookResource> text, IReadOnlyDictionary<string, string> errors, string field)
    {
        if (!errors.TryGetValue(field, out var code))
        {
            return null;
        }

        return code switch
        {
            PlaybookError.TooLong => text["Error.TooLong", MaxLength(field)],
            PlaybookError.OutOfRange => text["Error.OutOfRange", PlaybookLimits.MinDueInBusinessDays, PlaybookLimits.MaxDueInBusinessDays],
            PlaybookError.TooManySteps => text["Error.TooManySteps", PlaybookLimits.MaxSteps],
            PlaybookError.Required when field == PlaybookField.Steps => text["Error.NoSteps"],
            _ => text[$"Error.{code}"],
        };
    }

    private static int MaxLength(string field) => field switch
    {
        PlaybookField.Name => PlaybookLimits.Name,
        PlaybookField.Description => PlaybookLimits.Description,
        _ when field.EndsWith(".Title", StringComparison.Ordinal) => PlaybookLimits.StepTitle,
        _ => PlaybookLimits.Instructions,
    };
}
