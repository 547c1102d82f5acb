using IncidentDesk.Core.Compliance.Assessment;

namespace IncidentDesk.Core.Compliance.Drafts;

/// <summary>
/// The incident record every controller keeps for at least five years, notified or not (R15 art. 10): knowledge date,
/// circumstances, data, subjects, risk, measures, the communications made, and the reasons when not communicated.
/// </summary>
public static class IncidentRecordDraft
{
    public static string Generate(DraftFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var c = facts.Controller;
        var communications = facts.Filings.Select(DraftFormat.Filing).ToList();
        return new MarkdownText()
            .Heading(1, $"{DraftTexts.RecordTitle} — {facts.Reference}")
            .Field("Controlador", $"{c.Name} ({c.Code}) — CNPJ {DraftFormat.Cnpj(c.Cnpj)}")
            .Field("Base", "Resolução CD/ANPD nº 15/2024, art. 10 — guarda mínima de 5 anos")
            .Field("Registro gerado em", DraftFormat.Moment(facts.GeneratedAtUtc)).EndFields()
            .Heading(2, "Data da ciência")
            .Paragraph(facts.KnowledgeAtUtc is { } known ? DraftFormat.Moment(known) : DraftTexts.Pending)
            .Heading(2, "Descrição geral das circunstâncias")
            .Paragraph($"**{DraftFormat.Inline(facts.Title)}.** {DraftFormat.OrPending(facts.Summary)}")
            .Heading(2, "Natureza e categoria dos dados")
            .Paragraph(DraftFormat.Categories(facts.DataCategories))
            .Heading(2, "Número de titulares")
            .Bullets(facts.AffectedSubjectFigures.Concat(facts.ProcessingTotalFigures).Select(DraftFormat.Figure), DraftTexts.Pending)
            .Heading(2, "Avaliação de risco e possíveis danos")
            .Bullets(DraftRisks.For(facts))
            .Heading(3, "Avaliação de relevância (Resolução CD/ANPD nº 15/2024, art. 5º)")
            .Bullets(Assessment(facts.Assessment))
            .Heading(2, "Medidas corretivas e mitigadoras")
            .Bullets(facts.Measures.Select(AnpdCommunicationDraft.Event), DraftTexts.Pending)
            .Heading(2, "Forma e conteúdo das comunicações")
            .Bullets(communications, "Nenhuma comunicação registrada até o momento (ANPD ou titulares).")
            .Heading(2, "Motivos da não comunicação")
            .Paragraph(NotCommunicated(facts.Assessment, communications.Count > 0))
            .ToString();
    }

    /// <summary>What was concluded, on which criteria, why, by whom and when (R15 arts. 5 and 10).</summary>
    private static IEnumerable<string> Assessment(DraftAssessment? a)
    {
        if (a is null)
        {
            return [RelevanceWording.NotAssessed];
        }

        return
        [
            $"Resultado: **{RelevanceWording.Result(a.Result)}** (versão {a.Version}, registrada em {DraftFormat.Moment(a.AssessedAtUtc)} "
                + $"por {DraftFormat.Inline(a.AssessedBy)})",
            $"Critério A — pode afetar significativamente interesses e direitos fundamentais dos titulares: {(a.SignificantEffect ? "sim" : "não")}"
                + (a.SignificantEffect ? $" ({RelevanceWording.Harms(a.Harms)})" : ""),
            $"Critério B — itens presentes: {RelevanceWording.Criteria(a.Criteria)}",
            $"Ininteligibilidade: {RelevanceWording.Unintelligible(a.DataUnintelligible)}",
            $"Fundamentação: {DraftFormat.Inline(a.Rationale)}",
        ];
    }

    /// <summary>R15 art. 10 asks for the reasons when the incident was not communicated: the assessment gives them.</summary>
    private static string NotCommunicated(DraftAssessment? a, bool communicated)
    {
        if (communicated || a?.Result == RelevanceResult.MustNotify)
        {
            return communicated ? DraftTexts.NotApplicable
                : "A avaliação de relevância concluiu que o incidente deve ser comunicado; ainda não há comunicação registrada.";
        }

        if (a is null)
        {
            return $"{RelevanceWording.NotAssessed} Registrar a avaliação (R15 art. 5º): se concluir que não há risco ou dano relevante, "
                + "os motivos da não comunicação constarão aqui.";
        }

        var missing = a.SignificantEffect
            ? "o incidente não envolve nenhum dos itens I a VI do art. 5º, II"
            : "o incidente não pode afetar significativamente interesses e direitos fundamentais dos titulares (art. 5º, I)";
        return $"Não comunicado: a avaliação de relevância (versão {a.Version}) concluiu que não há risco ou dano relevante — {missing}, "
            + $"e os dois critérios do art. 5º da Resolução CD/ANPD nº 15/2024 precisam estar presentes. Fundamentação: {DraftFormat.Inline(a.Rationale)}";
    }
}
