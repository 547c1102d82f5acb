using IncidentDesk.Core.Compliance.Drafts;

namespace IncidentDesk.Web.Features.Notifications;

/// <summary>A controller co-op of the incident that drafts can be generated for.</summary>
public sealed record DraftCoop(int CoopId, string Code, string Name);

/// <summary>A generated draft as the preview and the download need it.</summary>
public sealed record DraftView(int IncidentId, string Reference, DraftCoop Coop, DraftKind Kind, string Markdown, IReadOnlyList<MissingItem> Missing)
{
    /// <summary>Incident reference + co-op code + kind, e.g. <c>INC-2026-0001_SP-004_AnpdComplete.md</c>.</summary>
    public string FileName => $"{Reference}_{Coop.Code}_{Kind}.md";
}
