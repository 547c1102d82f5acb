using IncidentDesk.Core.Campaigns;

namespace IncidentDesk.Core.Compliance.Drafts;

/// <summary>
/// The communication to the authority (LGPD art. 48; R15 art. 6), laid out in the sections of the authority's form.
/// Every one of the twelve items of R15 art. 6 §2 is written under its form section and marked with its roman numeral,
/// so a reviewer (and the tests) can check them one by one. Missing values read "pending", never an invented value.
/// </summary>
public static class AnpdCommunicationDraft
{
    public static string Item(int number) => $"R15 art. 6º, §2º, {Roman(number)}";

    public static string Generate(DraftFacts facts, DraftKind kind)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var c = facts.Controller;
        var md = new MarkdownText()
            .Heading(1, $"{DraftTexts.AnpdTitle} {DraftTexts.Authority}")
            .Field("Incidente", $"{facts.Reference} — {DraftFormat.Inline(facts.Title)}")
            .Field("Controlador", $"{c.Name} ({c.Code})")
            .Field("Minuta gerada em", DraftFormat.Moment(facts.GeneratedAtUtc)).EndFields();

        md.Heading(2, DraftTexts.SectionIdentification)
            .Field($"Controlador ({Item(9)})", $"{c.Name} — CNPJ {DraftFormat.Cnpj(c.Cnpj)} — UF {c.Uf}")
            .Field($"Encarregado ({Item(8)})", Dpo(c))
            .Field("Notificante", DraftFormat.Inline(facts.Notifier))
            .Field($"Operador ({Item(10)})", facts.Operators.Count == 0
                ? "não há operador identificado neste incidente"
                : string.Join("; ", facts.Operators.Select(DraftFormat.Inline))).EndFields();

        // R2 arts. 3–4: a health co-op processing health data at scale normally cannot claim ATPP status.
        md.Heading(2, DraftTexts.SectionSmallAgent)
            .Paragraph(c.SmallProcessingAgent
                ? $"O controlador declara-se agente de tratamento de pequeno porte (Resolução CD/ANPD nº 2/2022); prazos em dobro (R15 art. 6º, §8º). ({Item(9)})"
                : $"O controlador não se declara agente de tratamento de pequeno porte. ({Item(9)})");

        md.Heading(2, DraftTexts.SectionKind).Paragraph(DraftFormat.Kind(kind));
        if (kind == DraftKind.AnpdComplementary)
        {
            md.Paragraph($"Esta comunicação complementa a comunicação preliminar do incidente {facts.Reference}.");
        }

        md.Heading(2, DraftTexts.SectionRisk)
            .Paragraph($"**Riscos e prováveis impactos aos titulares ({Item(4)}):**")
            .Bullets(DraftRisks.For(facts))
            .Paragraph(DraftRisks.Assessment(facts.Assessment));

        md.Heading(2, DraftTexts.SectionKnowledge)
            .Field("Origem", DraftFormat.Source(facts.Source))
            .Field("Quem informou", DraftFormat.OrPending(string.Join(" — ",
                new[] { facts.ReporterName, facts.ReporterOrganisation }.Where(s => !string.IsNullOrWhiteSpace(s))))).EndFields();

        WriteTimeliness(md, facts);

        md.Heading(2, DraftTexts.SectionIncidentType)
            .Field("Tipo", DraftFormat.Type(facts.IncidentType))
            .Field("Sistemas afetados", DraftFormat.OrPending(facts.AffectedSystems))
            .Field($"Descrição e causa principal ({Item(11)})", DraftFormat.OrPending(facts.Summary)).EndFields();

        md.Heading(2, DraftTexts.SectionImpact).Paragraph(DraftFormat.Impact(facts.Impact));

        md.Heading(2, DraftTexts.SectionData)
            .Field($"Natureza e categorias dos dados ({Item(1)})", DraftFormat.Categories(facts.DataCategories))
            .Field("Categorias de titulares", DraftFormat.Subjects(facts.SubjectCategories)).EndFields()
            .Paragraph($"**Número de titulares afetados ({Item(2)}):**")
            .Bullets(facts.AffectedSubjectFigures.Select(DraftFormat.Figure), DraftTexts.Pending)
            .Paragraph("Crianças, adolescentes e idosos são contados em separado quando a contagem os distingue.")
            .Paragraph($"**Total de titulares nas atividades de tratamento afetadas ({Item(12)}):**")
            .Bullets(facts.ProcessingTotalFigures.Select(DraftFormat.Figure), DraftTexts.Pending)
            .Paragraph("**Outros números do incidente, com a procedência de cada um:**")
            .Bullets(facts.Figures.Where(f => !FigureRoles.IsAffectedSubjects(f) && !FigureRoles.IsProcessingTotal(f)).Select(DraftFormat.Figure),
                "Nenhum outro número registrado.");

        md.Heading(2, DraftTexts.SectionSubjectNotice).Paragraph(SubjectNoticeStatus(facts));

        var measures = facts.Measures.Select(Event).ToList();
        md.Heading(2, DraftTexts.SectionMeasures)
            .Field($"Medidas técnicas e de segurança antes do incidente ({Item(3)})", DraftFormat.OrPending(facts.MeasuresBefore)).EndFields()
            .Paragraph($"**Medidas adotadas após o incidente ({Item(3)}) e para reverter ou mitigar seus efeitos ({Item(6)}):**")
            .Bullets(measures, DraftTexts.Pending)
            .Paragraph("**Medidas planejadas (tarefas em aberto):**")
            .Bullets(PlannedMeasures(facts), "Nenhuma tarefa em aberto.");

        var missing = DraftCompleteness.Check(facts, kind);
        if (kind != DraftKind.AnpdComplete && missing.Count > 0)
        {
            md.Heading(2, DraftTexts.SectionToComplement).Bullets(missing.Select(m => DraftTexts.Missing(m.Code)));
        }

        return md.ToString();
    }

    /// <summary>
    /// Each measure still open, once: the same playbook launched twice (or two campaigns asking the same thing) is one
    /// planned measure to the authority, not two. First appearance wins, so the order is the campaigns' and tasks' order.
    /// </summary>
    private static IEnumerable<string> PlannedMeasures(DraftFacts facts) =>
        facts.Tasks.Where(t => CoopTaskStatuses.IsPending(t.Status))
            .Select(t => DraftFormat.Inline(t.Title))
            .Distinct(StringComparer.OrdinalIgnoreCase);

    private static void WriteTimeliness(MarkdownText md, DraftFacts facts)
    {
        var anpd = facts.Deadlines.FirstOrDefault(d => d.Kind == DeadlineKind.AnpdCommunication);
        var subjects = facts.Deadlines.FirstOrDefault(d => d.Kind == DeadlineKind.SubjectNotice);
        md.Heading(2, DraftTexts.SectionTimeliness)
            .Field($"Data do incidente ({Item(7)})", facts.DiscoveredAtUtc is { } found
                ? DraftFormat.Partial(found, facts.DiscoveredAtPrecision) : "não conhecida")
            .Field($"Data da ciência pelo controlador ({Item(7)})", facts.KnowledgeAtUtc is { } known ? DraftFormat.Moment(known) : DraftTexts.Pending)
            .Field("Prazo da comunicação à ANPD", anpd is null ? DraftTexts.Pending
                : $"{DraftFormat.Day(anpd.Working)} (prazo mais defensável: {DraftFormat.Day(anpd.LatestDefensible)}; {anpd.Rule})")
            .Field("Prazo da comunicação aos titulares", subjects is null ? DraftTexts.Pending
                : $"{DraftFormat.Day(subjects.Working)} ({subjects.Rule})")
            .Field("Comunicação dentro do prazo", facts.FilingLate ? "não" : "sim");
        if (!facts.FilingLate)
        {
            md.Field($"Motivos da demora ({Item(5)})", DraftTexts.NotApplicable).EndFields();
            return;
        }

        // Late is still due, and must say why (R15 art. 6 §2 V).
        md.EndFields().Heading(3, DraftTexts.SectionDelay)
            .Paragraph($"**Motivos da demora ({Item(5)}):** {DraftFormat.OrPending(facts.DelayReasons)}");
    }

    private static string SubjectNoticeStatus(DraftFacts facts)
    {
        var sent = facts.Filings.Where(f => f.Kind == FilingKind.SubjectNotice).ToList();
        if (sent.Count > 0)
        {
            return string.Join("  \n", sent.Select(DraftFormat.Filing));
        }

        var due = facts.Deadlines.FirstOrDefault(d => d.Kind == DeadlineKind.SubjectNotice);
        return due is null
            ? "Os titulares ainda não foram comunicados."
            : $"Os titulares ainda não foram comunicados; prazo: {DraftFormat.Day(due.Working)} (R15 art. 9º), pelos canais habituais do controlador.";
    }

    internal static string Event(DraftTimelineItem item) =>
        $"{DraftFormat.Partial(item.OccurredAtUtc, item.Precision)}: {DraftFormat.Inline(item.Title)}"
        + (string.IsNullOrWhiteSpace(item.Description) ? "" : $" — {DraftFormat.Inline(item.Description)}")
        + $" (fonte: {DraftFormat.Inline(item.Source)})";

    private static string Dpo(DraftController c)
    {
        var parts = new[] { c.EncarregadoName, c.EncarregadoEmail, c.EncarregadoPhone }.Where(p => !string.IsNullOrWhiteSpace(p)).ToList();
        return parts.Count == 3 ? string.Join(" — ", parts.Select(DraftFormat.Inline)) : DraftTexts.Pending;
    }

    internal static string DpoContact(DraftController c) => Dpo(c);

    private static string Roman(int number) => number switch
    {
        1 => "I", 2 => "II", 3 => "III", 4 => "IV", 5 => "V", 6 => "VI",
        7 => "VII", 8 => "VIII", 9 => "IX", 10 => "X", 11 => "XI", 12 => "XII",
        _ => throw new ArgumentOutOfRangeException(nameof(number)),
    };
}
