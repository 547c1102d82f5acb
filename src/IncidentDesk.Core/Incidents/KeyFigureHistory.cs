using System.Globalization;

namespace IncidentDesk.Core.Incidents;

/// <summary>The parts of a key figure whose changes the history records.</summary>
public enum KeyFigureField
{
    Label = 0,
    Value = 1,
    Unit = 2,
    Status = 3,
    Source = 4,
    AsOf = 5,
    Note = 6,
}

/// <summary>
/// A key figure's content at one moment. Taken before an edit is applied, because the entity is changed in
/// place. Id, incident and sort order are left out: moving a figure up the list does not change what it says.
/// </summary>
public sealed record KeyFigureSnapshot(
    string Label,
    decimal Value,
    string Unit,
    FigureStatus Status,
    string Source,
    DateOnly AsOf,
    string? Note)
{
    public static KeyFigureSnapshot Of(KeyFigure figure)
    {
        ArgumentNullException.ThrowIfNull(figure);
        return new KeyFigureSnapshot(figure.Label, figure.Value, figure.Unit, figure.Status, figure.Source, figure.AsOf, figure.Note);
    }
}

/// <summary>
/// One field of one figure before and after an edit, as invariant text for the timeline and the audit log:
/// values without trailing zeros (<c>140000</c>), statuses by enum name (<c>Claimed</c>), dates as
/// <c>yyyy-MM-dd</c>, and null for an empty note. The UI parses these back to show them in the user's language.
/// </summary>
public sealed record KeyFigureChange(KeyFigureField Field, string? Before, string? After);

/// <summary>
/// What changed in a key figure. Every figure keeps its history because sources disagree
/// and figures move (140,000 claimed, later disputed; an estimate revised): the ANPD report must be able to
/// say what the desk believed when, and who it believed.
/// </summary>
public static class KeyFigureHistory
{
    /// <summary>The changed fields in declaration order of <see cref="KeyFigureField"/>; empty when nothing changed.</summary>
    /// <remarks>
    /// Values compare as numbers, so 140000 and 140000.00 are the same figure. An absent note and a blank one
    /// are the same note. Every other text compares exactly: a changed capital letter in a label is a change.
    /// </remarks>
    public static IReadOnlyList<KeyFigureChange> Changes(KeyFigureSnapshot before, KeyFigureSnapshot after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);

        var changes = new List<KeyFigureChange>();

        AddIfDifferent(changes, KeyFigureField.Label, before.Label, after.Label);
        if (before.Value != after.Value)
        {
            changes.Add(new KeyFigureChange(KeyFigureField.Value, FormatValue(before.Value), FormatValue(after.Value)));
        }

        AddIfDifferent(changes, KeyFigureField.Unit, before.Unit, after.Unit);
        if (before.Status != after.Status)
        {
            changes.Add(new KeyFigureChange(KeyFigureField.Status, before.Status.ToString(), after.Status.ToString()));
        }

        AddIfDifferent(changes, KeyFigureField.Source, before.Source, after.Source);
        if (before.AsOf != after.AsOf)
        {
            changes.Add(new KeyFigureChange(KeyFigureField.AsOf, FormatDate(before.AsOf), FormatDate(after.AsOf)));
        }

        AddIfDifferent(changes, KeyFigureField.Note, NullIfBlank(before.Note), NullIfBlank(after.Note));

        return changes.AsReadOnly();
    }

    /// <summary>A figure as invariant text without trailing zeros: 140000.00 becomes <c>140000</c>, 2.50 becomes <c>2.5</c>.</summary>
    public static string FormatValue(decimal value)
    {
        return value.ToString("0.############################", CultureInfo.InvariantCulture);
    }

    private static string FormatDate(DateOnly date)
    {
        return date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    private static string? NullIfBlank(string? text)
    {
        return string.IsNullOrWhiteSpace(text) ? null : text;
    }

    private static void AddIfDifferent(List<KeyFigureChange> changes, KeyFigureField field, string? before, string? after)
    {
        if (!string.Equals(before, after, StringComparison.Ordinal))
        {
            changes.Add(new KeyFigureChange(field, before, after));
        }
    }
}
