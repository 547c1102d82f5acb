using IncidentDesk.Core.Incidents;

namespace IncidentDesk.Core.Compliance.Drafts;

/// <summary>
/// The risks the data categories bring, worded for the authority (R15 art. 6 §2 IV) and, in plain words, for the data
/// subjects (art. 9 III). The categories map to the relevance criteria of R15 art. 5 (B I–VI).
/// </summary>
public static class DraftRisks
{
    public static IReadOnlyList<string> For(DraftFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var categories = facts.DataCategories;
        List<string> risks = [];
        if (categories.HasFlag(DataCategories.Health))
        {
            risks.Add("Exposição de dados referentes à saúde, dado pessoal sensível (LGPD art. 5º, II; R15 art. 5º, II, I) e possivelmente "
                + "sob sigilo profissional médico (R15 art. 5º, II, V): risco de discriminação e de dano moral.");
        }

        if (categories.HasFlag(DataCategories.ChatContent))
        {
            risks.Add("Conteúdo de conversas pode ser usado em golpes (phishing e engenharia social) que citam o contexto real do atendimento.");
        }

        if (categories.HasFlag(DataCategories.Authentication))
        {
            risks.Add("Dados de autenticação permitem tomada de contas (R15 art. 5º, II, IV).");
        }

        if (categories.HasFlag(DataCategories.Financial))
        {
            risks.Add("Dados financeiros permitem fraude (R15 art. 5º, II, III).");
        }

        if (categories.HasFlag(DataCategories.ChildrensData))
        {
            risks.Add("Dados de crianças e adolescentes exigem proteção reforçada (R15 art. 5º, II, II).");
        }

        if (categories.HasFlag(DataCategories.Identification) || categories.HasFlag(DataCategories.Contact))
        {
            risks.Add("Dados de identificação e contato permitem contato fraudulento e roubo de identidade.");
        }

        if (risks.Count == 0)
        {
            risks.Add(DraftTexts.Pending);
        }

        return risks;
    }

    /// <summary>The recorded relevance assessment (R15 art. 5) in one sentence for the risk section of the communication.</summary>
    public static string Assessment(DraftAssessment? assessment) => assessment is null
        ? "**Avaliação de relevância (R15 art. 5º):** ainda não registrada."
        : $"**Avaliação de relevância (R15 art. 5º, versão {assessment.Version}):** critério A "
            + (assessment.SignificantEffect ? $"presente ({Compliance.Assessment.RelevanceWording.Harms(assessment.Harms)})" : "ausente")
            + $"; critério B: {Compliance.Assessment.RelevanceWording.Criteria(assessment.Criteria)}"
            + (assessment.DataUnintelligible ? "; dados ininteligíveis para terceiros (LGPD art. 48, §3º)" : "")
            + $". Conclusão: {Compliance.Assessment.RelevanceWording.Result(assessment.Result)}.";

    /// <summary>The same risks in plain words for the person reading the notice (R15 art. 9 III).</summary>
    public static IReadOnlyList<string> Plain(DraftFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var categories = facts.DataCategories;
        List<string> risks = [];
        if (categories.HasFlag(DataCategories.ChatContent) || categories.HasFlag(DataCategories.Contact))
        {
            risks.Add("Alguém pode tentar enganar você usando detalhes das suas conversas ou seus contatos para parecer a cooperativa.");
        }

        if (categories.HasFlag(DataCategories.Health))
        {
            risks.Add("Informações sobre sua saúde podem ter sido vistas por pessoas sem autorização.");
        }

        if (categories.HasFlag(DataCategories.Authentication))
        {
            risks.Add("Alguém pode tentar entrar na sua conta.");
        }

        if (categories.HasFlag(DataCategories.Financial))
        {
            risks.Add("Alguém pode tentar fazer compras ou cobranças em seu nome.");
        }

        if (risks.Count == 0)
        {
            risks.Add("Ainda estamos avaliando os riscos e avisaremos você se algo mudar.");
        }

        return risks;
    }
}
