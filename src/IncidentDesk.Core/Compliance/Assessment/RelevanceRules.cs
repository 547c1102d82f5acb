using IncidentDesk.Core.Compliance.Drafts;
using IncidentDesk.Core.Incidents;

namespace IncidentDesk.Core.Compliance.Assessment;

/// <summary>What an officer or liaison answers in the relevance checklist (R15 art. 5) before it is stored as a version.</summary>
public sealed record RelevanceAnswer(
    bool SignificantEffect, HarmKinds Harms, RelevanceCriteria Criteria, bool DataUnintelligible, string? Rationale);

/// <summary>The checklist's starting point: the criteria B the incident's data suggest, and the largest affected-subject count seen.</summary>
public sealed record RelevanceSuggestion(RelevanceCriteria Criteria, decimal? AffectedSubjects);

/// <summary>
/// The relevance test of R15 art. 5 (LGPD art. 48): an incident must be communicated to the ANPD and to the data subjects
/// when it may significantly affect the subjects' interests or fundamental rights (criterion A, art. 5 I) <b>and</b> it
/// involves at least one of the items I–VI of art. 5 II (criterion B). The conclusion and its reasoning are recorded in
/// every case, "not relevant" included (R15 art. 10).
/// </summary>
public static class RelevanceRules
{
    public const string Rationale = nameof(RelevanceAnswer.Rationale);
    public const string Harms = nameof(RelevanceAnswer.Harms);
    public const string Criteria = nameof(RelevanceAnswer.Criteria);

    /// <summary>Validation codes, per field; the UI words them from its resources.</summary>
    public const string RationaleRequired = "RationaleRequired";
    public const string RationaleTooLong = "RationaleTooLong";
    public const string HarmsRequiredWhenSignificant = "HarmsRequiredWhenSignificant";
    public const string Unknown = "Unknown";

    /// <summary>
    /// Only a prompt to look at item VI, never a rule: there is no numeric threshold for "large scale" (R15 art. 5 II VI
    /// weighs the number of subjects, the volume, duration, frequency and geographic spread). The officer decides.
    /// </summary>
    public const decimal LargeScalePrompt = 10_000m;

    private const HarmKinds AllHarms = HarmKinds.BlocksRightOrService | HarmKinds.Discrimination | HarmKinds.PhysicalHarm
        | HarmKinds.Reputation | HarmKinds.Fraud | HarmKinds.IdentityTheft | HarmKinds.OtherMaterialOrMoral;

    private const RelevanceCriteria AllCriteria = RelevanceCriteria.SensitiveData | RelevanceCriteria.VulnerableSubjects
        | RelevanceCriteria.FinancialData | RelevanceCriteria.AuthenticationData | RelevanceCriteria.SecrecyProtected
        | RelevanceCriteria.LargeScale;

    /// <summary>
    /// Pre-fills criterion B from what the incident already records. A suggestion is only a starting point the officer
    /// confirms or unticks — it is never stored as a conclusion by itself.
    /// </summary>
    public static RelevanceSuggestion Suggest(DataCategories data, IEnumerable<DraftFigure> figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        var criteria = RelevanceCriteria.None;
        if (data.HasFlag(DataCategories.Health))
        {
            // Health data is sensitive (LGPD art. 5 II → R15 art. 5 II I) and, in a health co-op, under medical secrecy
            // (professional secrecy, R15 art. 5 II V).
            criteria |= RelevanceCriteria.SensitiveData | RelevanceCriteria.SecrecyProtected;
        }

        if (data.HasFlag(DataCategories.ChildrensData))
        {
            criteria |= RelevanceCriteria.VulnerableSubjects; // R15 art. 5 II II (children, adolescents, elderly; LGPD art. 14)
        }

        if (data.HasFlag(DataCategories.Financial))
        {
            criteria |= RelevanceCriteria.FinancialData; // R15 art. 5 II III
        }

        if (data.HasFlag(DataCategories.Authentication))
        {
            criteria |= RelevanceCriteria.AuthenticationData; // R15 art. 5 II IV
        }

        // The subject categories (beneficiaries, physicians, employees) say nothing about age, so item II comes only
        // from the data categories; the counts come from the figures in "titulares" (FigureRoles).
        var affected = figures.Where(FigureRoles.IsAffectedSubjects).Select(f => (decimal?)f.Value).Max();
        if (affected >= LargeScalePrompt)
        {
            criteria |= RelevanceCriteria.LargeScale; // R15 art. 5 II VI — suggested, not decided
        }

        return new RelevanceSuggestion(criteria, affected);
    }

    /// <summary>
    /// Both criteria must hold (R15 art. 5): A (significant effect) and at least one of B I–VI. Evidence that the data was
    /// unintelligible to third parties (LGPD art. 48 §3) weighs in the officer's judgement of A; it is recorded and shown,
    /// but it does not decide the result by itself.
    /// </summary>
    public static RelevanceResult Result(bool significantEffect, RelevanceCriteria criteria) =>
        significantEffect && (criteria & AllCriteria) != RelevanceCriteria.None ? RelevanceResult.MustNotify : RelevanceResult.RecordOnly;

    public static RelevanceResult Result(RelevanceAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        return Result(answer.SignificantEffect, answer.Criteria);
    }

    /// <summary>Field → code for everything wrong with the answer; empty when it can be stored.</summary>
    public static IReadOnlyDictionary<string, string> Validate(RelevanceAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        Dictionary<string, string> errors = [];
        var rationale = answer.Rationale?.Trim() ?? "";
        if (rationale.Length == 0)
        {
            // The reasoning must be recorded even when the answer is "not relevant" (R15 art. 10).
            errors[Rationale] = RationaleRequired;
        }
        else if (rationale.Length > RelevanceAssessment.RationaleMax)
        {
            errors[Rationale] = RationaleTooLong;
        }

        if ((answer.Harms & ~AllHarms) != HarmKinds.None)
        {
            errors[Harms] = Unknown;
        }
        else if (answer.SignificantEffect && answer.Harms == HarmKinds.None)
        {
            // Criterion A names the harm (R15 art. 5 I): blocking a right or service, or material or moral harm.
            errors[Harms] = HarmsRequiredWhenSignificant;
        }

        if ((answer.Criteria & ~AllCriteria) != RelevanceCriteria.None)
        {
            errors[Criteria] = Unknown;
        }

        return errors;
    }

    /// <summary>The criteria B items I–VI, in the order of R15 art. 5 II.</summary>
    public static IReadOnlyList<RelevanceCriteria> Items { get; } =
    [
        RelevanceCriteria.SensitiveData, RelevanceCriteria.VulnerableSubjects, RelevanceCriteria.FinancialData,
        RelevanceCriteria.AuthenticationData, RelevanceCriteria.SecrecyProtected, RelevanceCriteria.LargeScale,
    ];

    /// <summary>The kinds of harm of criterion A, in a stable order.</summary>
    public static IReadOnlyList<HarmKinds> HarmItems { get; } =
    [
        HarmKinds.BlocksRightOrService, HarmKinds.Discrimination, HarmKinds.PhysicalHarm, HarmKinds.Reputation,
        HarmKinds.Fraud, HarmKinds.IdentityTheft, HarmKinds.OtherMaterialOrMoral,
    ];

    /// <summary>Roman numeral of a criterion B item (I–VI), as the resolution writes it.</summary>
    public static string Numeral(RelevanceCriteria item) => item switch
    {
        RelevanceCriteria.SensitiveData => "I",
        RelevanceCriteria.VulnerableSubjects => "II",
        RelevanceCriteria.FinancialData => "III",
        RelevanceCriteria.AuthenticationData => "IV",
        RelevanceCriteria.SecrecyProtected => "V",
        RelevanceCriteria.LargeScale => "VI",
        _ => throw new ArgumentOutOfRangeException(nameof(item)),
    };
}
