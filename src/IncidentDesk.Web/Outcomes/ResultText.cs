using Microsoft.Extensions.Localization;

namespace IncidentDesk.Web.Outcomes;

/// <summary>Words a result's messages from the feature's resource file, in the reader's language.</summary>
public static class ResultText
{
    /// <summary>The message of one refused field.</summary>
    public static string Message(this IStringLocalizer texts, FieldError error)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(error);
        // With no arguments the text is taken as it stands: a message may hold braces that are no placeholders.
        return error.Arguments is null ? texts[error.MessageKey] : texts[error.MessageKey, error.Args];
    }

    /// <summary>The messages of every refused field, keyed by the service's field name (first message of each field).</summary>
    public static IReadOnlyDictionary<string, string> Messages(this IStringLocalizer texts, Result result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Errors.GroupBy(e => e.Field, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => texts.Message(g.First()), StringComparer.Ordinal);
    }

    /// <summary>
    /// One line for a refused operation, for a form that shows a single notice: the refused fields' messages, the
    /// conflict's message, <paramref name="notFoundKey"/>, or the shared "Result.Forbidden".
    /// </summary>
    public static string Describe(this IStringLocalizer texts, Result result, IStringLocalizer shared, string notFoundKey = "Error.NotFound")
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(shared);
        return result.Status switch
        {
            ResultStatus.Success => "",
            ResultStatus.NotFound => texts[notFoundKey],
            ResultStatus.Forbidden => shared["Result.Forbidden"],
            ResultStatus.Conflict => texts[result.Conflict!.MessageKey],
            _ => string.Join(" ", result.Errors.Select(texts.Message)),
        };
    }
}
