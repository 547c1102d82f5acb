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
        var communications = facts.Timeline.Where(t => t.Kind == Timeline.TimelineEventKind.Notification)
            .Select(AnpdCommunicationDraft.Event).ToList();
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
            .Heading(2, "Medidas corretivas e mitigadoras")
            .Bullets(facts.Measures.Select(AnpdCommunicationDraft.Event), DraftTexts.Pending)
            .Heading(2, "Forma e conteúdo das comunicações")
            .Bullets(communications, "Nenhuma comunicação registrada até o momento (ANPD ou titulares).")
            .Heading(2, "Motivos da não comunicação")
            .Paragraph(communications.Count > 0
                ? DraftTexts.NotApplicable
                : "Ainda não comunicado: registrar aqui a justificativa caso a avaliação de relevância (R15 art. 5º) conclua que não há risco ou dano relevante.")
            .ToString();
    }
}
