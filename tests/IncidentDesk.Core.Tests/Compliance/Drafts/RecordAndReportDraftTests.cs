using IncidentDesk.Core.Compliance.Drafts;

namespace IncidentDesk.Core.Tests.Compliance.Drafts;

public sealed class RecordAndReportDraftTests
{
    [Fact]
    public void The_incident_record_has_the_minimum_fields_of_art_10()
    {
        var markdown = DraftGenerator.Generate(DraftSamples.Complete(), DraftKind.IncidentRecord).Markdown;

        foreach (var heading in new[]
        {
            "Data da ciência", "Descrição geral das circunstâncias", "Natureza e categoria dos dados", "Número de titulares",
            "Avaliação de risco e possíveis danos", "Medidas corretivas e mitigadoras", "Forma e conteúdo das comunicações",
            "Motivos da não comunicação",
        })
        {
            Assert.Contains($"## {heading}\n", markdown, StringComparison.Ordinal);
        }

        Assert.Contains("5 anos", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void The_handling_report_has_figures_with_provenance_the_timeline_and_task_evidence_hashes()
    {
        var markdown = DraftGenerator.Generate(DraftSamples.Complete(), DraftKind.HandlingReport).Markdown;

        Assert.Contains("número contestado — Comunicado do sistema cooperativo afirma 987.654 mensagens", markdown, StringComparison.Ordinal);
        Assert.Contains("estimativa de 52.000 titulares", markdown, StringComparison.Ordinal);
        Assert.Contains("Federação recebe a notificação dos pesquisadores", markdown, StringComparison.Ordinal);
        Assert.Contains("### Campanha Kafka — Preservar logs do período exposto", markdown, StringComparison.Ordinal);
        Assert.Contains("**Resposta:** Sim", markdown, StringComparison.Ordinal);
        Assert.Contains($"Logs do broker (broker.log) — SHA-256 `{new string('a', 64)}`", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void User_text_cannot_break_out_of_its_list_item()
    {
        var facts = DraftSamples.Complete() with { Title = "Linha um\n# Título injetado" };

        var markdown = DraftGenerator.Generate(facts, DraftKind.HandlingReport).Markdown;

        Assert.DoesNotContain("\n# Título injetado", markdown, StringComparison.Ordinal);
        Assert.Contains("Linha um # Título injetado", markdown, StringComparison.Ordinal);
    }
}
