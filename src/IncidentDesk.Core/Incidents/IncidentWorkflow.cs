using System.Collections.Frozen;

namespace IncidentDesk.Core.Incidents;

/// <summary>Why a status change was refused; the UI turns each into a message in the user's language.</summary>
public enum TransitionRefusal
{
    /// <summary>The workflow has no arrow from the current status to the requested one.</summary>
    NotAllowed = 1,

    /// <summary>The arrow exists but needs a written reason, and none (or only whitespace) was given.</summary>
    ReasonRequired = 2,

    /// <summary>The incident is already in the requested status.</summary>
    SameStatus = 3,

    /// <summary>The reason is longer than <see cref="IncidentWorkflow.MaxReasonLength"/> characters.</summary>
    ReasonTooLong = 4,
}

/// <summary>The answer to "may this incident move from one status to another with this reason?".</summary>
public sealed record TransitionCheck(IncidentStatus From, IncidentStatus To, TransitionRefusal? Refusal)
{
    public bool Allowed => Refusal is null;
}

/// <summary>
/// The incident status workflow. Pages, API and hub offer and accept only what this class allows, so the
/// rule lives here and nowhere else.
/// </summary>
public static class IncidentWorkflow
{
    /// <summary>Longest reason accepted (after trimming); a reason is a note for the record, not a report.</summary>
    public const int MaxReasonLength = 2000;

    private sealed record Arrow(IncidentStatus From, IncidentStatus To, bool ReasonRequired);

    /// <summary>
    /// The whole workflow, one arrow per line. Everything not listed is refused.
    /// </summary>
    /// <remarks>
    /// The main line moves one step at a time because each step is a claim the regulator may ask about
    /// (was it triaged? when was it contained? were the subjects notified?); skipping a step would leave
    /// that question without a dated answer in the timeline.
    /// Dismissing is only possible before investigation starts: once the desk has investigated, the
    /// incident ends as Closed with its findings, never as "nothing happened". Dismissal needs a reason
    /// because R15 art. 10 requires a record of every incident, notified or not, for at least five years,
    /// and the reason is that record. Nothing leaves Dismissed: a report that turns out to matter after
    /// all is a new incident with its own knowledge time (the legal clock starts at that knowledge).
    /// Reopening a closed incident (new facts, a press report, the ANPD asking again) goes back to
    /// Investigating and needs a reason, since it contradicts an earlier conclusion on the record.
    /// </remarks>
    private static readonly Arrow[] Arrows =
    [
        new(IncidentStatus.Reported, IncidentStatus.Triage, ReasonRequired: false),
        new(IncidentStatus.Reported, IncidentStatus.Dismissed, ReasonRequired: true),
        new(IncidentStatus.Triage, IncidentStatus.Investigating, ReasonRequired: false),
        new(IncidentStatus.Triage, IncidentStatus.Dismissed, ReasonRequired: true),
        new(IncidentStatus.Investigating, IncidentStatus.Contained, ReasonRequired: false),
        new(IncidentStatus.Contained, IncidentStatus.Notifying, ReasonRequired: false),
        new(IncidentStatus.Notifying, IncidentStatus.Closed, ReasonRequired: false),
        new(IncidentStatus.Closed, IncidentStatus.Investigating, ReasonRequired: true),
    ];

    private static readonly FrozenDictionary<(IncidentStatus From, IncidentStatus To), Arrow> ByPair =
        Arrows.ToFrozenDictionary(a => (a.From, a.To));

    private static readonly FrozenDictionary<IncidentStatus, IReadOnlyList<IncidentStatus>> NextByStatus =
        Arrows.GroupBy(a => a.From)
            .ToFrozenDictionary(g => g.Key, g => (IReadOnlyList<IncidentStatus>)g.Select(a => a.To).ToArray().AsReadOnly());

    /// <summary>The statuses reachable in one step, main line first; empty for Dismissed.</summary>
    public static IReadOnlyList<IncidentStatus> AllowedNext(IncidentStatus from)
    {
        return NextByStatus.TryGetValue(from, out IReadOnlyList<IncidentStatus>? next) ? next : [];
    }

    /// <summary>True only for allowed transitions that need a written reason.</summary>
    public static bool RequiresReason(IncidentStatus from, IncidentStatus to)
    {
        return ByPair.TryGetValue((from, to), out Arrow? arrow) && arrow.ReasonRequired;
    }

    /// <summary>
    /// Checks a requested transition. Refusals are reported in this order: same status, no such arrow,
    /// missing reason, reason too long. A reason given where none is required is allowed (kept as a note),
    /// but still may not exceed <see cref="MaxReasonLength"/>.
    /// </summary>
    public static TransitionCheck Check(IncidentStatus from, IncidentStatus to, string? reason)
    {
        if (from == to)
        {
            return new TransitionCheck(from, to, TransitionRefusal.SameStatus);
        }

        if (!ByPair.TryGetValue((from, to), out Arrow? arrow))
        {
            return new TransitionCheck(from, to, TransitionRefusal.NotAllowed);
        }

        string trimmed = reason?.Trim() ?? "";
        if (arrow.ReasonRequired && trimmed.Length == 0)
        {
            return new TransitionCheck(from, to, TransitionRefusal.ReasonRequired);
        }

        if (trimmed.Length > MaxReasonLength)
        {
            return new TransitionCheck(from, to, TransitionRefusal.ReasonTooLong);
        }

        return new TransitionCheck(from, to, Refusal: null);
    }
}
