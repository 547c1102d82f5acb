using IncidentDesk.Web.Features.Incidents;
using Microsoft.Extensions.Localization;

namespace IncidentDesk.Web.Api;

/// <summary>
/// The figure and involvement services answer with FiguresResource keys (the dialogs show them as they come);
/// the API names the field each one is about and a code that does not depend on the wording.
/// </summary>
internal static class ServiceErrors
{
    private static readonly Dictionary<string, (string Field, string Code)> Fields = new(StringComparer.Ordinal)
    {
        [FigureErrors.LabelRequired] = ("label", "Required"),
        [FigureErrors.LabelTooLong] = ("label", "TooLong"),
        [FigureErrors.ValueRequired] = ("value", "Required"),
        [FigureErrors.ValueNegative] = ("value", "Negative"),
        [FigureErrors.UnitRequired] = ("unit", "Required"),
        [FigureErrors.UnitTooLong] = ("unit", "TooLong"),
        [FigureErrors.StatusRequired] = ("status", "Required"),
        [FigureErrors.SourceRequired] = ("source", "Required"),
        [FigureErrors.SourceTooLong] = ("source", "TooLong"),
        [FigureErrors.AsOfRequired] = ("asOf", "Required"),
        [FigureErrors.AsOfFuture] = ("asOf", "InFuture"),
        [FigureErrors.NoteTooLong] = ("note", "TooLong"),
        [FigureErrors.NoCoops] = ("coopId", "Required"),
        [FigureErrors.UnknownCoop] = ("coopId", "Unknown"),
        [FigureErrors.UnknownUf] = ("uf", "Unknown"),
        [FigureErrors.UnknownFederation] = ("federationId", "Unknown"),
        [FigureErrors.KnowledgeRequired] = ("knowledgeAt", "Required"),
        [FigureErrors.KnowledgeFuture] = ("knowledgeAt", "InFuture"),
        [FigureErrors.ReasonRequired] = ("reason", "Required"),
        [FigureErrors.ReasonTooLong] = ("reason", "TooLong"),
        [FigureErrors.NotesTooLong] = ("notes", "TooLong"),
    };

    public static bool IsNotFound(IncidentWriteResult result) => result.Errors.Contains(FigureErrors.NotFound);

    public static IEnumerable<FieldError> Of(IncidentWriteResult result, IStringLocalizer<FiguresResource> figures) =>
        result.Errors.Select(key => Fields.TryGetValue(key, out var f)
            ? new FieldError(f.Field, f.Code, figures[key])
            : new FieldError("", key, figures[key]));
}
