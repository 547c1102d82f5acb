using IncidentDesk.Core.Campaigns;
using IncidentDesk.Core.Compliance.Drafts;

namespace IncidentDesk.Core.Tests.Compliance.Drafts;

public sealed class AnpdCommunicationDraftTests
{
    private static readonly string[] FormSections =
    [
        DraftTexts.SectionIdentification, DraftTexts.SectionSmallAgent, DraftTexts.SectionKind, DraftTexts.SectionRisk,
        DraftTexts.SectionKnowledge, DraftTexts.SectionTimeliness, DraftTexts.SectionIncidentType, DraftTexts.SectionImpact,
        DraftTexts.SectionData, DraftTexts.SectionSubjectNotice, DraftTexts.SectionMeasures,
    ];

    [Theory]
    [InlineData(DraftKind.AnpdComplete)]
    [InlineData(DraftKind.AnpdPreliminary)]
    [InlineData(DraftKind.AnpdComplementary)]
    public void Every_item_of_art_6_paragraph_2_is_written_under_the_forms_sections(DraftKind kind)
    {
        var markdown = DraftGenerator.Generate(DraftSamples.Complete(), kind).Markdown;

        foreach (var section in FormSections)
        {
            Assert.Contains($"## {section}\n", markdown, StringComparison.Ordinal);
        }

        for (var item = 1; item <= 12; item++)
        {
            Assert.Contains($"({AnpdCommunicationDraft.Item(item)})", markdown, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_complete_incident_leaves_no_pending_value_and_states_its_facts_in_portuguese()
    {
        var markdown = DraftGenerator.Generate(DraftSamples.Complete(), DraftKind.AnpdComplete).Markdown;

        Assert.DoesNotContain(DraftTexts.Pending, markdown, StringComparison.Ordinal);
        Assert.Contains("CNPJ 11.222.333/0001-81", markdown, StringComparison.Ordinal);
        Assert.Contains("Ana Souza — dpo@coop.example — +55 19 3000-0000", markdown, StringComparison.Ordinal);
        Assert.Contains("dados referentes à saúde (dado pessoal sensível, LGPD art. 5º, II)", markdown, StringComparison.Ordinal);
        Assert.Contains("06/04/2026 às 17:00 (horário de Brasília)", markdown, StringComparison.Ordinal);
        Assert.Contains("março de 2026", markdown, StringComparison.Ordinal);
        Assert.Contains("Listener público do Kafka fechado", markdown, StringComparison.Ordinal);
        Assert.Contains(DraftTexts.Authority, markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void A_disputed_figure_is_never_stated_as_a_fact()
    {
        var markdown = DraftGenerator.Generate(DraftSamples.Reference(), DraftKind.AnpdComplete).Markdown;

        var lines = markdown.Split('\n').Where(l => l.Contains("987.654", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(lines);
        Assert.All(lines, line =>
        {
            Assert.Contains("contestado", line, StringComparison.Ordinal);
            Assert.Contains("Comunicado do sistema cooperativo afirma", line, StringComparison.Ordinal);
            Assert.DoesNotContain("Histórico de mensagens retido no ambiente: 987.654", line, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Estimates_say_estimativa_claims_are_attributed_and_confirmed_figures_read_plainly()
    {
        var markdown = DraftGenerator.Generate(DraftSamples.Reference(), DraftKind.AnpdComplete).Markdown;

        Assert.Contains("Mensagens possivelmente expostas: estimativa de 14.000.000 mensagens, segundo Relatório dos pesquisadores", markdown, StringComparison.Ordinal);
        Assert.Contains("Mensagens interceptadas: segundo Relatório dos pesquisadores, 140.000 mensagens (alegação", markdown, StringComparison.Ordinal);
        Assert.Contains("Cooperativas que usam a ferramenta: 3 cooperativas (confirmado", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void A_late_filing_demands_the_reasons_for_the_delay()
    {
        var onTime = DraftGenerator.Generate(DraftSamples.Complete(late: false), DraftKind.AnpdComplete);
        var lateWithout = DraftGenerator.Generate(DraftSamples.Reference(late: true), DraftKind.AnpdComplete);
        var lateWith = DraftGenerator.Generate(DraftSamples.Complete(late: true), DraftKind.AnpdComplete);

        Assert.DoesNotContain(DraftTexts.SectionDelay, onTime.Markdown, StringComparison.Ordinal);
        Assert.DoesNotContain(onTime.Missing, m => m.Code == MissingCodes.DelayReasonsMissing);

        Assert.Contains($"### {DraftTexts.SectionDelay}", lateWithout.Markdown, StringComparison.Ordinal);
        Assert.Contains(lateWithout.Missing, m => m.Code == MissingCodes.DelayReasonsMissing && m.Target == DraftTargets.Notifications);

        Assert.Contains("caixa compartilhada durante o feriado", lateWith.Markdown, StringComparison.Ordinal);
        Assert.True(lateWith.IsComplete);
    }

    [Fact]
    public void A_preliminary_communication_lists_what_is_to_be_complemented()
    {
        var draft = DraftGenerator.Generate(DraftSamples.Reference(), DraftKind.AnpdPreliminary);

        Assert.Contains("20 dias úteis", draft.Markdown, StringComparison.Ordinal);
        Assert.Contains($"## {DraftTexts.SectionToComplement}", draft.Markdown, StringComparison.Ordinal);
        Assert.Contains(DraftTexts.Missing(MissingCodes.SubjectCountUnknown), draft.Markdown, StringComparison.Ordinal);
    }
    [Fact]
    public void Planned_measures_name_each_open_task_once_in_order_and_leave_out_answered_and_withdrawn_ones()
    {
        var at = new DateTime(2026, 4, 8, 12, 0, 0, DateTimeKind.Utc);
        DraftTask Task(string campaign, string title, CoopTaskStatus status) => new(campaign, title, status, null, null, at, []);
        var facts = DraftSamples.Complete() with
        {
            Tasks =
            [
                Task("Contenção", "Trocar as credenciais do broker", CoopTaskStatus.Open),
                Task("Contenção", "Revisar os logs de acesso", CoopTaskStatus.InProgress),
                Task("Contenção", "Preservar os logs", CoopTaskStatus.Done),
                Task("Contenção, segunda onda", "Trocar as credenciais do broker", CoopTaskStatus.Blocked),
                Task("Contenção, segunda onda", "revisar os logs de acesso", CoopTaskStatus.Open),
                Task("Campanha retirada", "Desligar o servidor de homologação", CoopTaskStatus.Cancelled),
            ],
        };

        var markdown = DraftGenerator.Generate(facts, DraftKind.AnpdComplete).Markdown;

        var planned = markdown[markdown.IndexOf("**Medidas planejadas", StringComparison.Ordinal)..];
        // The section closes the complete draft: exactly the two open measures, each once, in the order first asked.
        Assert.Equal("**Medidas planejadas (tarefas em aberto):**\n\n- Trocar as credenciais do broker\n- Revisar os logs de acesso",
            planned.TrimEnd());
    }
}
