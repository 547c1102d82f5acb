using IncidentDesk.Core.Incidents;
using IncidentDesk.Web.Outcomes;

namespace IncidentDesk.Web.Features.Incidents.Figures;

/// <summary>What an officer types for a key figure. Nullable where the form may be left empty, so the service can say so.</summary>
public sealed record KeyFigureInput(
    string? Label, decimal? Value, string? Unit, FigureStatus? Status, string? Source, DateOnly? AsOf, string? Note);

/// <summary>A key figure with its id, for the officer's edit actions.</summary>
public sealed record KeyFigureRow(
    int Id, int IncidentId, string Label, decimal Value, string Unit, FigureStatus Status, string Source, DateOnly AsOf, string? Note);

/// <summary>
/// One field of one change in a figure's history, from the audit trail. <see cref="Field"/> is a
/// <see cref="KeyFigureField"/> name; values are invariant text (statuses by enum name, values without
/// trailing zeros, dates yyyy-MM-dd) for the UI to show in the reader's language.
/// </summary>
public sealed record KeyFigureHistoryRow(
    long Sequence, DateTime AtUtc, string Who, KeyFigureHistoryKind Kind, string Field, string? Before, string? After);

public enum KeyFigureHistoryKind
{
    Created = 0,
    Updated = 1,
    Deleted = 2,
}

/// <summary>Resource keys (FiguresResource) of the refusals of the figure and involvement services.</summary>
public static class FigureErrors
{
    public const string NotFound = "Error.NotFound";
    public const string LabelRequired = "Figure.Error.LabelRequired";
    public const string LabelTooLong = "Figure.Error.LabelTooLong";
    public const string ValueRequired = "Figure.Error.ValueRequired";
    public const string ValueNegative = "Figure.Error.ValueNegative";
    public const string UnitRequired = "Figure.Error.UnitRequired";
    public const string UnitTooLong = "Figure.Error.UnitTooLong";
    public const string StatusRequired = "Figure.Error.StatusRequired";
    public const string SourceRequired = "Figure.Error.SourceRequired";
    public const string SourceTooLong = "Figure.Error.SourceTooLong";
    public const string AsOfRequired = "Figure.Error.AsOfRequired";
    public const string AsOfFuture = "Figure.Error.AsOfFuture";
    public const string NoteTooLong = "Figure.Error.NoteTooLong";

    public const string NoCoops = "Involvement.Error.NoCoops";
    public const string UnknownCoop = "Involvement.Error.UnknownCoop";
    public const string UnknownUf = "Involvement.Error.UnknownUf";
    public const string UnknownFederation = "Involvement.Error.UnknownFederation";
    public const string KnowledgeRequired = "Involvement.Error.KnowledgeRequired";
    public const string KnowledgeFuture = "Involvement.Error.KnowledgeFuture";
    public const string ReasonRequired = "Involvement.Error.ReasonRequired";
    public const string ReasonTooLong = "Involvement.Error.ReasonTooLong";
    public const string NotesTooLong = "Involvement.Error.NotesTooLong";

    // The field each refusal is about (the input's property, which the API names in camelCase) and a code that does not
    // depend on the wording.
    private static readonly Dictionary<string, (string Field, string Code)> Fields = new(StringComparer.Ordinal)
    {
        [LabelRequired] = (nameof(KeyFigureInput.Label), "Required"),
        [LabelTooLong] = (nameof(KeyFigureInput.Label), "TooLong"),
        [ValueRequired] = (nameof(KeyFigureInput.Value), "Required"),
        [ValueNegative] = (nameof(KeyFigureInput.Value), "Negative"),
        [UnitRequired] = (nameof(KeyFigureInput.Unit), "Required"),
        [UnitTooLong] = (nameof(KeyFigureInput.Unit), "TooLong"),
        [StatusRequired] = (nameof(KeyFigureInput.Status), "Required"),
        [SourceRequired] = (nameof(KeyFigureInput.Source), "Required"),
        [SourceTooLong] = (nameof(KeyFigureInput.Source), "TooLong"),
        [AsOfRequired] = (nameof(KeyFigureInput.AsOf), "Required"),
        [AsOfFuture] = (nameof(KeyFigureInput.AsOf), "InFuture"),
        [NoteTooLong] = (nameof(KeyFigureInput.Note), "TooLong"),
        [NoCoops] = ("CoopId", "Required"),
        [UnknownCoop] = ("CoopId", "Unknown"),
        [UnknownUf] = ("Uf", "Unknown"),
        [UnknownFederation] = ("FederationId", "Unknown"),
        [KnowledgeRequired] = ("KnowledgeAt", "Required"),
        [KnowledgeFuture] = ("KnowledgeAt", "InFuture"),
        [ReasonRequired] = ("Reason", "Required"),
        [ReasonTooLong] = ("Reason", "TooLong"),
        [NotesTooLong] = ("Notes", "TooLong"),
    };

    /// <summary>The refused field a message key is about, with its stable code.</summary>
    public static FieldError Error(string key) =>
        Fields.TryGetValue(key, out var f) ? new FieldError(f.Field, f.Code, key) : new FieldError("", key, key);

    /// <summary>
    /// Text holding a control character other than tab and newline (<see cref="Core.Common.TextRules"/>), refused in
    /// <paramref name="field"/> (the input's property) with the code every form and the API use.
    /// </summary>
    public static FieldError ControlCharacter(string field) =>
        new(field, Incidents.FieldRules.ControlCharacter, $"Error.{Incidents.FieldRules.ControlCharacter}");

    /// <summary>An invalid result of one refusal.</summary>
    public static Failure Invalid(string key) => Result.Invalid(Error(key));
}
