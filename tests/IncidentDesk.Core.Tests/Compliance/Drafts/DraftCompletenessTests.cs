using IncidentDesk.Core.Compliance.Drafts;
using IncidentDesk.Core.Incidents;

namespace IncidentDesk.Core.Tests.Compliance.Drafts;

public sealed class DraftCompletenessTests
{
    [Theory]
    [InlineData(DraftKind.AnpdComplete)]
    [InlineData(DraftKind.AnpdPreliminary)]
    [InlineData(DraftKind.SubjectNotice)]
    [InlineData(DraftKind.PublicNotice)]
    [InlineData(DraftKind.IncidentRecord)]
    [InlineData(DraftKind.HandlingReport)]
    public void A_complete_incident_misses_nothing(DraftKind kind) =>
        Assert.Empty(DraftCompleteness.Check(DraftSamples.Complete(late: true), kind));

    [Fact]
    public void The_reference_incident_as_recorded_misses_the_subject_count_measures_type_impact_and_relevance_assessment()
    {
        var missing = DraftCompleteness.Check(DraftSamples.Reference(), DraftKind.AnpdComplete);

        Assert.Equal(
            [
                (MissingCodes.SubjectCountUnknown, DraftTargets.Figures), (MissingCodes.ProcessingTotalUnknown, DraftTargets.Figures),
                (MissingCodes.NoMeasuresRecorded, DraftTargets.Timeline), (MissingCodes.PriorMeasuresUnknown, DraftTargets.Overview),
                (MissingCodes.IncidentTypeUnknown, DraftTargets.Overview), (MissingCodes.CiaImpactUnknown, DraftTargets.Overview),
                (MissingCodes.RelevanceNotAssessed, DraftTargets.Notifications),
            ],
            missing.Select(m => (m.Code, m.Target)));
    }

    [Fact]
    public void A_sparse_incident_points_to_every_tab_that_needs_filling()
    {
        var facts = DraftSamples.Reference(late: true) with
        {
            Summary = " ",
            KnowledgeAtUtc = null,
            DataCategories = DataCategories.None,
            SubjectCategories = DataSubjectCategories.None,
            Controller = DraftSamples.Reference().Controller with { EncarregadoEmail = null, Cnpj = "123" },
        };

        var codes = DraftCompleteness.Check(facts, DraftKind.AnpdComplete).ToDictionary(m => m.Code, m => m.Target);

        Assert.Equal(DraftTargets.Overview, codes[MissingCodes.DescriptionMissing]);
        Assert.Equal(DraftTargets.Coops, codes[MissingCodes.KnowledgeTimeMissing]);
        Assert.Equal(DraftTargets.Coops, codes[MissingCodes.ControllerIdentityIncomplete]);
        Assert.Equal(DraftTargets.Coops, codes[MissingCodes.DpoContactMissing]);
        Assert.Equal(DraftTargets.Overview, codes[MissingCodes.DataCategoriesUnknown]);
        Assert.Equal(DraftTargets.Overview, codes[MissingCodes.SubjectCategoriesUnknown]);
        Assert.Equal(DraftTargets.Notifications, codes[MissingCodes.DelayReasonsMissing]);
        Assert.Equal(DraftTargets.Notifications, codes[MissingCodes.RelevanceNotAssessed]);
        Assert.Equal(14, codes.Count);
    }

    [Fact]
    public void The_subject_notice_does_not_ask_for_what_only_the_authority_needs()
    {
        var codes = DraftCompleteness.Check(DraftSamples.Reference(), DraftKind.SubjectNotice).Select(m => m.Code);

        Assert.Equal([MissingCodes.NoMeasuresRecorded, MissingCodes.PriorMeasuresUnknown], codes);
    }
}
