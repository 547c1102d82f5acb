namespace IncidentDesk.Core.Compliance.Drafts;

/// <summary>
/// The notice to the data subjects (R15 art. 9) in plain Portuguese, in the suggested order: what happened, when we
/// learned, which data, how we protect it, what we did, the risks, why it comes late (if so), what you can do, how to reach
/// us. Its seven items: I data (which data), II security measures, III risks, IV reasons for delay, V what was done,
/// VI date of knowledge, VII contact and DPO. The practical advice is the good practice LGPD art. 52 §1 IX rewards.
/// The public variant (art. 9 §3) says the same to everyone when individual notice is impossible.
/// </summary>
public static class SubjectNoticeDraft
{
    public static string Generate(DraftFacts facts, bool publicNotice)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var c = facts.Controller;
        var md = new MarkdownText().Heading(1, publicNotice ? DraftTexts.PublicNoticeTitle : DraftTexts.NoticeTitle);
        md.Paragraph(publicNotice
            ? $"A {c.Name} informa a todos os seus beneficiários e ao público sobre um incidente de segurança que pode ter afetado dados pessoais."
            : $"Olá. A {c.Name} está entrando em contato para avisar sobre um incidente de segurança que pode ter afetado seus dados.");

        md.Heading(2, DraftTexts.NoticeWhatHappened).Paragraph(DraftFormat.OrPending(facts.Summary));

        md.Heading(2, DraftTexts.NoticeWhen).Paragraph(facts.KnowledgeAtUtc is { } known
            ? $"Ficamos sabendo do incidente em {DraftFormat.Moment(known)}."
            : DraftTexts.Pending);

        md.Heading(2, DraftTexts.NoticeWhichData).Paragraph(
            $"Os dados que podem ter sido afetados são: {DraftFormat.PlainCategories(facts.DataCategories)}.");

        md.Heading(2, DraftTexts.NoticeSecurity).Paragraph(
            $"{DraftFormat.OrPending(facts.MeasuresBefore)}");

        md.Heading(2, DraftTexts.NoticeWhatWeDid)
            .Bullets(facts.Measures.Select(m => DraftFormat.Inline(m.Title)), DraftTexts.Pending);

        md.Heading(2, DraftTexts.NoticeRisks).Bullets(DraftRisks.Plain(facts));

        if (facts.FilingLate)
        {
            md.Heading(2, DraftTexts.NoticeDelay).Paragraph($"{DraftFormat.OrPending(facts.DelayReasons)}");
        }

        md.Heading(2, DraftTexts.NoticeWhatYouCanDo)
            .Bullets([DraftTexts.AdvicePhishing, DraftTexts.AdvicePasswords, DraftTexts.AdviceOfficialChannels]);

        md.Heading(2, DraftTexts.NoticeContact)
            .Field("Cooperativa", $"{c.Name} (CNPJ {DraftFormat.Cnpj(c.Cnpj)})")
            .Field("Encarregado pela proteção de dados", AnpdCommunicationDraft.DpoContact(c)).EndFields();

        if (publicNotice)
        {
            md.Paragraph(DraftTexts.PublicNoticeVisibility);
        }

        return md.ToString();
    }
}
