namespace IncidentDesk.Core.Compliance.Drafts;

/// <summary>A generated draft: its Markdown and what it still lacks.</summary>
public sealed record DraftDocument(DraftKind Kind, string Markdown, IReadOnlyList<MissingItem> Missing)
{
    public bool IsComplete => Missing.Count == 0;
}

/// <summary>One entry point for every draft kind, so the service and the tests generate alike.</summary>
public static class DraftGenerator
{
    public static DraftDocument Generate(DraftFacts facts, DraftKind kind)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var markdown = kind switch
        {
            DraftKind.AnpdComplete or DraftKind.AnpdPreliminary or DraftKind.AnpdComplementary => AnpdCommunicationDraft.Generate(facts, kind),
            DraftKind.SubjectNotice => SubjectNoticeDraft.Generate(facts, publicNotice: false),
            DraftKind.PublicNotice => SubjectNoticeDraft.Generate(facts, publicNotice: true),
            DraftKind.IncidentRecord => IncidentRecordDraft.Generate(facts),
            DraftKind.HandlingReport => HandlingReportDraft.Generate(facts),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown draft kind."),
        };
        return new DraftDocument(kind, markdown, DraftCompleteness.Check(facts, kind));
    }
}
