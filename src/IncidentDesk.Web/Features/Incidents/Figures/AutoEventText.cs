using System.Globalization;

using IncidentDesk.Core.Common;
using IncidentDesk.Core.Incidents;

namespace IncidentDesk.Web.Features.Incidents.Figures;

/// <summary>
/// Wording of the automatic timeline events about figures and involvement. The timeline is a record kept in the
/// federation's language (pt-BR), like the rest of what goes to the ANPD, so it is stored as text, not keys.
/// </summary>
internal static class AutoEventText
{
    public const int TitleMax = 300;
    public const int DescriptionMax = 8000;
    public const int SourceMax = 300;

    private static readonly CultureInfo PtBr = CultureInfo.GetCultureInfo("pt-BR");

    public static string Value(decimal value) => value.ToString("#,0.############", PtBr);

    public static string Status(FigureStatus status) => status switch
    {
        FigureStatus.Claimed => "Alegado",
        FigureStatus.Estimated => "Estimado",
        FigureStatus.Confirmed => "Confirmado",
        FigureStatus.Disputed => "Contestado",
        _ => status.ToString(),
    };

    public static string Role(InvolvementRole role) => role switch
    {
        InvolvementRole.UnderAssessment => "em avaliação",
        InvolvementRole.ControllerAffected => "controladora afetada",
        InvolvementRole.Operator => "operadora",
        InvolvementRole.NotAffected => "não afetada",
        _ => role.ToString(),
    };

    public static string Field(KeyFigureField field) => field switch
    {
        KeyFigureField.Label => "Indicador",
        KeyFigureField.Value => "Valor",
        KeyFigureField.Unit => "Unidade",
        KeyFigureField.Status => "Situação",
        KeyFigureField.Source => "Fonte",
        KeyFigureField.AsOf => "Data de referência",
        KeyFigureField.Note => "Observação",
        _ => field.ToString(),
    };

    /// <summary>An invariant value from <see cref="KeyFigureHistory"/> in pt-BR words.</summary>
    public static string ChangeValue(KeyFigureField field, string? text)
    {
        if (text is null)
        {
            return "—";
        }

        return field switch
        {
            KeyFigureField.Value when decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var v) => Value(v),
            KeyFigureField.Status when Enum.TryParse<FigureStatus>(text, out var s) => Status(s),
            KeyFigureField.AsOf when DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                => d.ToString("dd/MM/yyyy", PtBr),
            _ => text,
        };
    }

    /// <summary>A UTC instant as Brasília wall-clock time, e.g. 06/04/2026 17:00.</summary>
    public static string Brasilia(DateTime utc) =>
        (DateTime.SpecifyKind(utc, DateTimeKind.Utc) + PartialDate.BrasiliaOffset).ToString("dd/MM/yyyy HH:mm", PtBr);

    public static string Limit(string text, int max) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");
}
