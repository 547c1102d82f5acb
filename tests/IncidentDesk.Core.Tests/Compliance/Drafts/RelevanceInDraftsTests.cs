using IncidentDesk.Core.Compliance.Assessment;
using IncidentDesk.Core.Compliance.Drafts;

namespace IncidentDesk.Core.Tests.Compliance.Drafts;

/// <summary>The record states the relevance assessment (R15 arts. 5 and 10) and, when not communicated, why.</summary>
public sealed class RelevanceInDraftsTests
{
    private static readonly DraftAssessment NotRelevant = new(3, SignificantEffect: false, HarmKinds.None, RelevanceCriteria.SensitiveData,
        DataUnintelligible: true, "Backup cifrado com AES-256; chave não exposta.", RelevanceResult.RecordOnly, DraftSamples.Brt(2026, 4, 9, 15), "Olga Officer");

    [Fact]
    public void Without_an_assessment_the_record_says_so_and_asks_for_it()
    {
        var facts = DraftSamples.Complete() with { Assessment = null };

        var markdown = DraftGenerator.Generate(facts, DraftKind.IncidentRecord);

        Assert.Contains(RelevanceWording.NotAssessed, markdown.Markdown, StringComparison.Ordinal);
        Assert.Contains(markdown.Missing, m => m.Code == MissingCodes.RelevanceNotAssessed && m.Target == DraftTargets.Notifications);
    }

    [Fact]
    public void The_record_states_criteria_result_rationale_author_and_version()
    {
        var markdown = DraftGenerator.Generate(DraftSamples.Complete(), DraftKind.IncidentRecord).Markdown;

        Assert.Contains("Resultado: **comunicar à ANPD e aos titulares** (versão 2", markdown, StringComparison.Ordinal);
        Assert.Contains("por Olga Officer", markdown, StringComparison.Ordinal);
        Assert.Contains("I — dados pessoais sensíveis; V — dados protegidos por sigilo", markdown, StringComparison.Ordinal);
        Assert.Contains("discriminação; fraude financeira", markdown, StringComparison.Ordinal);
        Assert.Contains("Fundamentação: Conversas com dados de saúde expostas sem autenticação.", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void A_record_only_assessment_gives_the_reasons_for_not_communicating()
    {
        var facts = DraftSamples.Complete() with { Assessment = NotRelevant };

        var markdown = DraftGenerator.Generate(facts, DraftKind.IncidentRecord).Markdown;
        var reasons = markdown[markdown.IndexOf("## Motivos da não comunicação", StringComparison.Ordinal)..];

        Assert.Contains("Não comunicado: a avaliação de relevância (versão 3)", reasons, StringComparison.Ordinal);
        Assert.Contains("não pode afetar significativamente", reasons, StringComparison.Ordinal);
        Assert.Contains("Backup cifrado com AES-256", reasons, StringComparison.Ordinal);
        Assert.Contains("LGPD art. 48, §3º", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void The_anpd_risk_section_mentions_the_recorded_criteria()
    {
        var markdown = DraftGenerator.Generate(DraftSamples.Complete(), DraftKind.AnpdComplete).Markdown;
        var risk = markdown[markdown.IndexOf(DraftTexts.SectionRisk, StringComparison.Ordinal)..markdown.IndexOf(DraftTexts.SectionKnowledge, StringComparison.Ordinal)];

        Assert.Contains("versão 2):** critério A presente", risk, StringComparison.Ordinal);
        Assert.Contains("I — dados pessoais sensíveis", risk, StringComparison.Ordinal);
    }
}
