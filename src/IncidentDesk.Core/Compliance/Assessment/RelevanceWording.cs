namespace IncidentDesk.Core.Compliance.Assessment;

/// <summary>
/// The relevance assessment in the words of the record and of the communication (pt-BR, stored text like the rest of the
/// drafts). The UI labels live in its resources; these are the fixed words of documents kept for five years (R15 art. 10).
/// </summary>
public static class RelevanceWording
{
    public const string NotAssessed = "Avaliação de relevância ainda não registrada.";

    private const string EventPrefix = "Avaliação de relevância da ";

    /// <summary>"Avaliação de relevância da SP-004: comunicar (v2)".</summary>
    public static string EventTitle(string coopCode, RelevanceResult result, int version) =>
        $"{EventPrefix}{coopCode}: {ResultShort(result)} (v{version.ToString(System.Globalization.CultureInfo.InvariantCulture)})";

    public static string Result(RelevanceResult result) => result switch
    {
        RelevanceResult.MustNotify => "comunicar à ANPD e aos titulares",
        RelevanceResult.RecordOnly => "apenas registrar (sem risco ou dano relevante)",
        _ => result.ToString(),
    };

    /// <summary>The short verb of the automatic timeline event ("Avaliação de relevância da SP-004: comunicar (v2)").</summary>
    public static string ResultShort(RelevanceResult result) => result switch
    {
        RelevanceResult.MustNotify => "comunicar",
        RelevanceResult.RecordOnly => "apenas registrar",
        _ => result.ToString(),
    };

    public static string Criterion(RelevanceCriteria item) => item switch
    {
        RelevanceCriteria.SensitiveData => "dados pessoais sensíveis",
        RelevanceCriteria.VulnerableSubjects => "dados de crianças, adolescentes ou idosos",
        RelevanceCriteria.FinancialData => "dados financeiros",
        RelevanceCriteria.AuthenticationData => "dados de autenticação em sistemas",
        RelevanceCriteria.SecrecyProtected => "dados protegidos por sigilo legal, judicial ou profissional",
        RelevanceCriteria.LargeScale => "dados em larga escala",
        _ => item.ToString(),
    };

    public static string Harm(HarmKinds harm) => harm switch
    {
        HarmKinds.BlocksRightOrService => "impedimento do exercício de direitos ou da utilização de serviço",
        HarmKinds.Discrimination => "discriminação",
        HarmKinds.PhysicalHarm => "violação à integridade física",
        HarmKinds.Reputation => "dano à reputação",
        HarmKinds.Fraud => "fraude financeira",
        HarmKinds.IdentityTheft => "roubo de identidade",
        HarmKinds.OtherMaterialOrMoral => "outro dano material ou moral",
        _ => harm.ToString(),
    };

    /// <summary>"I — dados pessoais sensíveis; V — …", or "nenhum" when no item of art. 5 II was found.</summary>
    public static string Criteria(RelevanceCriteria criteria)
    {
        var items = RelevanceRules.Items.Where(i => criteria.HasFlag(i)).Select(i => $"{RelevanceRules.Numeral(i)} — {Criterion(i)}").ToList();
        return items.Count == 0 ? "nenhum dos itens I a VI" : string.Join("; ", items);
    }

    public static string Harms(HarmKinds harms)
    {
        var items = RelevanceRules.HarmItems.Where(h => harms.HasFlag(h)).Select(Harm).ToList();
        return items.Count == 0 ? "nenhum tipo de dano indicado" : string.Join("; ", items);
    }

    public static string Unintelligible(bool unintelligible) => unintelligible
        ? "há evidência de que os dados estavam ininteligíveis para terceiros (LGPD art. 48, §3º), o que reduz o risco"
        : "não há evidência de que os dados estivessem ininteligíveis para terceiros (LGPD art. 48, §3º)";
}
