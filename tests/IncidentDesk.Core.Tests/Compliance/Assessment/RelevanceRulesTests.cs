using IncidentDesk.Core.Compliance.Assessment;
using IncidentDesk.Core.Compliance.Drafts;
using IncidentDesk.Core.Incidents;
using IncidentDesk.Core.Tests.Compliance.Drafts;

namespace IncidentDesk.Core.Tests.Compliance.Assessment;

/// <summary>The relevance test of R15 art. 5: criterion A and at least one of B I–VI, pre-filled from the incident's data.</summary>
public sealed class RelevanceRulesTests
{
    private static RelevanceAnswer Answer(bool significant = true, HarmKinds harms = HarmKinds.Fraud,
        RelevanceCriteria criteria = RelevanceCriteria.SensitiveData, string? rationale = "Motivo.") =>
        new(significant, harms, criteria, DataUnintelligible: false, rationale);

    [Theory]
    [InlineData(RelevanceCriteria.SensitiveData)]
    [InlineData(RelevanceCriteria.VulnerableSubjects)]
    [InlineData(RelevanceCriteria.FinancialData)]
    [InlineData(RelevanceCriteria.AuthenticationData)]
    [InlineData(RelevanceCriteria.SecrecyProtected)]
    [InlineData(RelevanceCriteria.LargeScale)]
    public void Each_criterion_b_item_with_a_significant_effect_must_be_notified(RelevanceCriteria item) =>
        Assert.Equal(RelevanceResult.MustNotify, RelevanceRules.Result(significantEffect: true, item));

    [Fact]
    public void Criterion_a_without_any_b_item_is_recorded_only() =>
        Assert.Equal(RelevanceResult.RecordOnly, RelevanceRules.Result(significantEffect: true, RelevanceCriteria.None));

    [Fact]
    public void Every_b_item_without_a_significant_effect_is_recorded_only()
    {
        var all = RelevanceRules.Items.Aggregate(RelevanceCriteria.None, (a, i) => a | i);

        Assert.Equal(RelevanceResult.RecordOnly, RelevanceRules.Result(significantEffect: false, all));
    }

    [Fact]
    public void Unintelligible_data_is_recorded_but_does_not_decide_the_result()
    {
        var answer = Answer() with { DataUnintelligible = true };

        Assert.Equal(RelevanceResult.MustNotify, RelevanceRules.Result(answer));
        Assert.Empty(RelevanceRules.Validate(answer));
    }

    [Fact]
    public void Health_data_suggests_sensitive_data_and_medical_secrecy()
    {
        var suggestion = RelevanceRules.Suggest(DataCategories.Health | DataCategories.Contact, []);

        Assert.Equal(RelevanceCriteria.SensitiveData | RelevanceCriteria.SecrecyProtected, suggestion.Criteria);
    }

    [Theory]
    [InlineData(DataCategories.ChildrensData, RelevanceCriteria.VulnerableSubjects)]
    [InlineData(DataCategories.Financial, RelevanceCriteria.FinancialData)]
    [InlineData(DataCategories.Authentication, RelevanceCriteria.AuthenticationData)]
    [InlineData(DataCategories.Identification | DataCategories.ChatContent, RelevanceCriteria.None)]
    public void Data_categories_suggest_their_criterion(DataCategories data, RelevanceCriteria expected) =>
        Assert.Equal(expected, RelevanceRules.Suggest(data, []).Criteria);

    [Fact]
    public void Many_affected_subjects_suggest_large_scale_but_totals_and_other_units_do_not()
    {
        DraftFigure[] small = [DraftSamples.Figure("Titulares afetados", 120m, "titulares", FigureStatus.Estimated),
            DraftSamples.Figure("Total de titulares do chat", 410_000m, "titulares", FigureStatus.Confirmed),
            DraftSamples.Figure("Mensagens expostas", 14_000_000m, "mensagens", FigureStatus.Estimated)];
        DraftFigure[] large = [.. small, DraftSamples.Figure("Titulares afetados (revisado)", 52_000m, "titulares", FigureStatus.Estimated)];

        var few = RelevanceRules.Suggest(DataCategories.None, small);
        var many = RelevanceRules.Suggest(DataCategories.None, large);

        Assert.Equal(RelevanceCriteria.None, few.Criteria);
        Assert.Equal(120m, few.AffectedSubjects);
        Assert.Equal(RelevanceCriteria.LargeScale, many.Criteria);
        Assert.Equal(52_000m, many.AffectedSubjects);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public void The_rationale_is_required_even_when_nothing_is_relevant(string? rationale)
    {
        var errors = RelevanceRules.Validate(Answer(significant: false, harms: HarmKinds.None, criteria: RelevanceCriteria.None, rationale));

        Assert.Equal(RelevanceRules.RationaleRequired, Assert.Single(errors).Value);
    }

    [Fact]
    public void A_rationale_longer_than_4000_characters_is_refused()
    {
        Assert.Empty(RelevanceRules.Validate(Answer(rationale: new string('a', RelevanceAssessment.RationaleMax))));
        Assert.Equal(RelevanceRules.RationaleTooLong,
            RelevanceRules.Validate(Answer(rationale: new string('a', RelevanceAssessment.RationaleMax + 1)))[RelevanceRules.Rationale]);
    }

    [Fact]
    public void A_significant_effect_must_name_the_kind_of_harm()
    {
        var errors = RelevanceRules.Validate(Answer(harms: HarmKinds.None));

        Assert.Equal(RelevanceRules.HarmsRequiredWhenSignificant, errors[RelevanceRules.Harms]);
    }

    [Fact]
    public void Flags_outside_the_law_are_refused()
    {
        var errors = RelevanceRules.Validate(Answer(harms: (HarmKinds)1024, criteria: (RelevanceCriteria)512));

        Assert.Equal(RelevanceRules.Unknown, errors[RelevanceRules.Harms]);
        Assert.Equal(RelevanceRules.Unknown, errors[RelevanceRules.Criteria]);
    }
}
