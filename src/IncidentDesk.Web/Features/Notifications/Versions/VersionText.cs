using System.Globalization;
using IncidentDesk.Core.Compliance.Drafts;
using IncidentDesk.Web.Components;

namespace IncidentDesk.Web.Features.Notifications.Versions;

/// <summary>
/// pt-BR wording of the automatic timeline events about drafts and filings: the timeline is the incident record, kept
/// in the federation's language like everything that goes to the ANPD.
/// </summary>
internal static class VersionText
{
    public const string NewVersionTitle = "Nova versão de minuta";
    public const string ApprovedTitle = "Minuta aprovada";
    public const string DelayReasonsTitle = "Motivos do atraso na comunicação registrados";

    private static readonly CultureInfo PtBr = CultureInfo.GetCultureInfo("pt-BR");

    public static string Kind(DraftKind kind) => kind switch
    {
        DraftKind.AnpdComplete => "comunicação à ANPD (completa)",
        DraftKind.AnpdPreliminary => "comunicação à ANPD (preliminar)",
        DraftKind.AnpdComplementary => "comunicação complementar à ANPD",
        DraftKind.SubjectNotice => "aviso aos titulares",
        DraftKind.PublicNotice => "comunicado público",
        DraftKind.IncidentRecord => "registro do incidente",
        DraftKind.HandlingReport => "relatório de tratamento do incidente",
        _ => kind.ToString(),
    };

    public static string Filing(FilingKind kind) => kind switch
    {
        FilingKind.AnpdCommunication => "Comunicação à ANPD",
        FilingKind.AnpdComplementary => "Comunicação complementar à ANPD",
        FilingKind.SubjectNotice => "Aviso aos titulares",
        FilingKind.ChannelsDeclaration => "Declaração à ANPD dos canais de aviso aos titulares",
        _ => kind.ToString(),
    };

    public static string Moment(DateTime utc) => BrasiliaTime.Format(utc, culture: PtBr) + " (horário de Brasília)";

    public static string Number(int value) => value.ToString(PtBr);

    /// <summary>The "to be complemented" list of a preliminary approval, in the drafts' own words (R15 art. 6 §3).</summary>
    public static string ToComplement(IEnumerable<string> codes) => string.Join("; ", codes.Select(DraftTexts.Missing));

    /// <summary>The section a version approved as preliminary must carry, so what is filed says what will follow.</summary>
    public static string ToComplementSection(IReadOnlyList<string> codes) =>
        $"\n\n## {DraftTexts.SectionToComplement}\n\n"
        + "Aprovada como comunicação preliminar; as informações abaixo serão complementadas (Resolução CD/ANPD nº 15/2024, art. 6º, §3º):\n\n"
        + string.Concat(codes.Select(c => $"- {DraftTexts.Missing(c)}\n"));

    public static IReadOnlyList<string> Codes(string stored) =>
        stored.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
