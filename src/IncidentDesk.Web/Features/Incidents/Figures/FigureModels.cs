using IncidentDesk.Core.Incidents;

namespace IncidentDesk.Web.Features.Incidents;

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

/// <summary>
/// The outcome of a write a person can get wrong: it worked, or it carries resource keys (FiguresResource) of
/// what is wrong. Being the wrong person is not such an outcome: the services throw <see cref="UnauthorizedAccessException"/>.
/// </summary>
public sealed record IncidentWriteResult(IReadOnlyList<string> Errors, int? Id = null, int Count = 0)
{
    public bool Succeeded => Errors.Count == 0;

    public static IncidentWriteResult Ok(int? id = null, int count = 0) => new([], id, count);

    public static IncidentWriteResult Fail(params IEnumerable<string> errors) => new([.. errors]);
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
}
