using IncidentDesk.Core.Compliance.Drafts;

namespace IncidentDesk.Core.Tests.Compliance.Drafts;

/// <summary>
/// "The communications made" in the record (R15 art. 10) and the subject-notice status of the ANPD communication
/// (R15 art. 6 §2) come from what was recorded as filed, with its protocol — never from other timeline events.
/// </summary>
public sealed class FilingsInDraftsTests
{
    private static readonly DateTime FiledAt = new(2026, 4, 9, 13, 30, 0, DateTimeKind.Utc);

    [Fact]
    public void Record_lists_each_filing_with_its_protocol_and_brasilia_time()
    {
        var facts = DraftSamples.Complete() with
        {
            Filings = [new DraftFiling(FilingKind.AnpdCommunication, "00261.004512/2026-31", FiledAt)],
        };

        var record = DraftGenerator.Generate(facts, DraftKind.IncidentRecord).Markdown;

        Assert.Contains("Comunicação à ANPD em 09/04/2026 às 10:30 (horário de Brasília), protocolo 00261.004512/2026-31", record,
            StringComparison.Ordinal);
        Assert.DoesNotContain("Nenhuma comunicação registrada", record, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_filings_the_record_says_nothing_was_communicated_and_the_anpd_draft_gives_the_subject_notice_deadline()
    {
        var facts = DraftSamples.Complete() with { Filings = [] };

        Assert.Contains("Nenhuma comunicação registrada", DraftGenerator.Generate(facts, DraftKind.IncidentRecord).Markdown,
            StringComparison.Ordinal);
        Assert.Contains("Os titulares ainda não foram comunicados; prazo:", DraftGenerator.Generate(facts, DraftKind.AnpdComplete).Markdown,
            StringComparison.Ordinal);
    }

    [Fact]
    public void A_recorded_subject_notice_replaces_the_pending_status_in_the_anpd_communication()
    {
        var facts = DraftSamples.Complete() with
        {
            Filings =
            [
                new DraftFiling(FilingKind.AnpdCommunication, "00261.004512/2026-31", FiledAt),
                new DraftFiling(FilingKind.SubjectNotice, "SMS e e-mail — lote 1", FiledAt.AddHours(2)),
            ],
        };

        var anpd = DraftGenerator.Generate(facts, DraftKind.AnpdComplete).Markdown;

        Assert.Contains("Comunicação aos titulares em 09/04/2026 às 12:30 (horário de Brasília), protocolo SMS e e-mail — lote 1", anpd,
            StringComparison.Ordinal);
        Assert.DoesNotContain("Os titulares ainda não foram comunicados", anpd, StringComparison.Ordinal);
    }
}
