using IncidentDesk.Core.Compliance.Assessment;

namespace IncidentDesk.Web.Features.Compliance.Relevance;

/// <summary>A controller co-op of the incident whose relevance assessment the caller may read.</summary>
public sealed record RelevanceCoop(int CoopId, string Code, string Name);

/// <summary>One stored version of a co-op's assessment (append-only, newest first in a history).</summary>
public sealed record RelevanceVersion(
    int Id, int Version, bool SignificantEffect, HarmKinds Harms, RelevanceCriteria Criteria, bool DataUnintelligible, string Rationale,
    RelevanceResult Result, DateTime AssessedAtUtc, string AssessedBy);

/// <summary>
/// What the checklist needs for one controller co-op: every version so far (newest first), the suggestion from the
/// incident's data for a first assessment, and whether the caller may append a version.
/// </summary>
public sealed record RelevanceSheet(
    int IncidentId, string Reference, RelevanceCoop Coop, RelevanceSuggestion Suggestion, IReadOnlyList<RelevanceVersion> History, bool CanWrite)
{
    public RelevanceVersion? Latest => History.Count == 0 ? null : History[0];
}
