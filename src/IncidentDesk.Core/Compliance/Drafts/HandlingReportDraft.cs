namespace IncidentDesk.Core.Compliance.Drafts;

/// <summary>
/// The incident handling report the authority may ask for at any time (R15 art. 8): the facts, every key figure with its
/// provenance, the timeline, and the co-op's tasks with their answers and the SHA-256 of each evidence file — what shows
/// cooperation and prompt corrective action, the mitigating factors of LGPD art. 52 §1.
/// </summary>
public static class HandlingReportDraft
{
    public static string Generate(DraftFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var c = facts.Controller;
        var md = new MarkdownText()
            .Heading(1, $"{DraftTexts.ReportTitle} — {facts.Reference}")
            .Field("Controlador", $"{c.Name} ({c.Code}) — CNPJ {DraftFormat.Cnpj(c.Cnpj)}")
            .Field("Base", "Resolução CD/ANPD nº 15/2024, art. 8º")
            .Field("Relatório gerado em", DraftFormat.Moment(facts.GeneratedAtUtc)).EndFields();

        md.Heading(2, DraftTexts.ReportFacts)
            .Paragraph($"**{DraftFormat.Inline(facts.Title)}.** {DraftFormat.OrPending(facts.Summary)}")
            .Field("Origem da ciência", DraftFormat.Source(facts.Source))
            .Field("Ciência pelo controlador", facts.KnowledgeAtUtc is { } known ? DraftFormat.Moment(known) : DraftTexts.Pending)
            .Field("Sistemas afetados", DraftFormat.OrPending(facts.AffectedSystems))
            .Field("Dados afetados", DraftFormat.Categories(facts.DataCategories))
            .Field("Titulares", DraftFormat.Subjects(facts.SubjectCategories)).EndFields();

        md.Heading(2, DraftTexts.ReportFigures)
            .Bullets(facts.Figures.Select(f => DraftFormat.Figure(f) + (string.IsNullOrWhiteSpace(f.Note) ? "" : $". Nota: {DraftFormat.Inline(f.Note)}")),
                "Nenhum número registrado.");

        md.Heading(2, DraftTexts.ReportTimeline)
            .Bullets(facts.Timeline.OrderBy(t => t.OccurredAtUtc).Select(AnpdCommunicationDraft.Event), "Nenhum evento registrado.");

        md.Heading(2, DraftTexts.ReportTasks);
        if (facts.Tasks.Count == 0)
        {
            md.Paragraph("Nenhuma tarefa atribuída a esta cooperativa.");
        }

        foreach (var task in facts.Tasks)
        {
            md.Heading(3, $"{DraftFormat.Inline(task.Campaign)} — {DraftFormat.Inline(task.Title)}")
                .Field("Situação", DraftFormat.TaskStatus(task.Status))
                .Field("Resposta", string.IsNullOrWhiteSpace(task.Answer) ? "—" : DraftFormat.Inline(task.Answer))
                .Field("Observação", string.IsNullOrWhiteSpace(task.Note) ? "—" : DraftFormat.Inline(task.Note))
                .Field("Atualizada em", DraftFormat.Moment(task.UpdatedAtUtc)).EndFields()
                .Bullets(task.Evidence.Select(Evidence), "Sem evidências anexadas.");
        }

        return md.ToString();
    }

    private static string Evidence(DraftEvidence e)
    {
        var what = DraftFormat.Inline(e.Title) + (string.IsNullOrWhiteSpace(e.FileName) ? "" : $" ({DraftFormat.Inline(e.FileName)})");
        if (!string.IsNullOrWhiteSpace(e.Sha256))
        {
            return $"{what} — SHA-256 `{e.Sha256}`";
        }

        return string.IsNullOrWhiteSpace(e.Url) ? what : $"{what} — {DraftFormat.Inline(e.Url)}";
    }
}
