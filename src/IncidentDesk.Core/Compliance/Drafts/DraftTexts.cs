namespace IncidentDesk.Core.Compliance.Drafts;

/// <summary>
/// Every fixed pt-BR word of the drafts in one place: the authority's name and its form's section titles are expected to
/// change (the agency's renaming was announced in 2025), so they are edited here and nowhere else.
/// </summary>
public static class DraftTexts
{
    public const string Authority = "Autoridade Nacional de Proteção de Dados (ANPD)";
    public const string AuthorityShort = "ANPD";
    public const string Pending = "*Informação pendente — a complementar.*";
    public const string NotApplicable = "Não se aplica.";

    // ANPD communication: the sections of the authority's form (R15 art. 6 §2).
    public const string AnpdTitle = "Comunicação de incidente de segurança à";
    public const string SectionIdentification = "1. Identificação do controlador, do encarregado e do notificante";
    public const string SectionSmallAgent = "2. Declaração de agente de tratamento de pequeno porte";
    public const string SectionKind = "3. Tipo de comunicação";
    public const string SectionRisk = "4. Avaliação de risco";
    public const string SectionKnowledge = "5. Como se tomou ciência do incidente";
    public const string SectionTimeliness = "6. Tempestividade";
    public const string SectionDelay = "6.1 Justificativa do atraso";
    public const string SectionIncidentType = "7. Tipo de incidente";
    public const string SectionImpact = "8. Impacto sobre os dados";
    public const string SectionData = "9. Dados e titulares afetados";
    public const string SectionSubjectNotice = "10. Comunicação aos titulares";
    public const string SectionMeasures = "11. Medidas de segurança";
    public const string SectionToComplement = "Informações a complementar";

    public const string KindComplete = "Completa";
    public const string KindPreliminary = "Preliminar — será complementada em até 20 dias úteis (Resolução CD/ANPD nº 15/2024, art. 6º, §3º)";
    public const string KindComplementary = "Complementar — completa a comunicação preliminar (Resolução CD/ANPD nº 15/2024, art. 6º, §3º)";

    // Subject notice (R15 art. 9), in the suggested order, in plain language.
    public const string NoticeTitle = "Aviso sobre um incidente de segurança com seus dados";
    public const string PublicNoticeTitle = "Comunicado público sobre incidente de segurança";
    public const string NoticeWhatHappened = "O que aconteceu";
    public const string NoticeWhen = "Quando ficamos sabendo";
    public const string NoticeWhichData = "Quais dados foram afetados";
    public const string NoticeSecurity = "Como protegemos seus dados";
    public const string NoticeWhatWeDid = "O que já fizemos e o que vamos fazer";
    public const string NoticeRisks = "Quais são os riscos para você";
    public const string NoticeDelay = "Por que este aviso chega agora";
    public const string NoticeWhatYouCanDo = "O que você pode fazer";
    public const string NoticeContact = "Como falar com a gente e com o encarregado";

    public const string AdvicePhishing = "Desconfie de mensagens, ligações ou e-mails que citem suas conversas com a cooperativa "
        + "(por exemplo, um pedido que você fez pelo chat) para parecerem verdadeiros: golpistas podem usar essas informações.";
    public const string AdvicePasswords = "A cooperativa **nunca** pede sua senha, códigos recebidos por SMS ou dados de cartão "
        + "por mensagem, telefone ou e-mail. Não informe esses dados a ninguém.";
    public const string AdviceOfficialChannels = "Só use os canais oficiais da cooperativa listados abaixo. Se receber um contato "
        + "suspeito em nome dela, não clique em links: procure a cooperativa pelos canais abaixo.";
    public const string PublicNoticeVisibility = "Este comunicado permanecerá disponível por, no mínimo, 3 meses "
        + "(Resolução CD/ANPD nº 15/2024, art. 9º, §3º).";

    // Incident record (R15 art. 10) and handling report (R15 art. 8).
    public const string RecordTitle = "Registro de incidente de segurança";
    public const string ReportTitle = "Relatório de tratamento de incidente";
    public const string ReportFacts = "Fatos";
    public const string ReportFigures = "Números-chave e sua procedência";
    public const string ReportTimeline = "Linha do tempo";
    public const string ReportTasks = "Tarefas da cooperativa, respostas e evidências";

    /// <summary>A missing item in the draft's own words (the "to be complemented" list of a preliminary communication).</summary>
    public static string Missing(string code) => code switch
    {
        MissingCodes.DescriptionMissing => "descrição do incidente e de sua causa principal",
        MissingCodes.KnowledgeTimeMissing => "data e hora da ciência do incidente pelo controlador",
        MissingCodes.ControllerIdentityIncomplete => "identificação completa do controlador (nome e CNPJ)",
        MissingCodes.DpoContactMissing => "contato do encarregado (nome, e-mail e telefone)",
        MissingCodes.DataCategoriesUnknown => "natureza e categorias dos dados pessoais afetados",
        MissingCodes.SubjectCategoriesUnknown => "categorias de titulares afetados",
        MissingCodes.SubjectCountUnknown => "número de titulares afetados (com crianças, adolescentes e idosos em separado)",
        MissingCodes.ProcessingTotalUnknown => "número total de titulares nas atividades de tratamento afetadas",
        MissingCodes.NoMeasuresRecorded => "medidas adotadas para reverter ou mitigar os efeitos do incidente",
        MissingCodes.PriorMeasuresUnknown => "medidas técnicas e de segurança existentes antes do incidente",
        MissingCodes.IncidentTypeUnknown => "tipo de incidente",
        MissingCodes.CiaImpactUnknown => "impacto sobre a confidencialidade, a integridade e a disponibilidade",
        MissingCodes.DelayReasonsMissing => "motivos da demora na comunicação",
        MissingCodes.RelevanceNotAssessed => "avaliação de relevância do incidente (critérios do art. 5º da Resolução CD/ANPD nº 15/2024)",
        _ => code,
    };
}
