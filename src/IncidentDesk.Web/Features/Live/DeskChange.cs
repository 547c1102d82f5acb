namespace IncidentDesk.Web.Features.Live;

/// <summary>What changed: enough for a listener to decide whether to reload, never the changed data itself.</summary>
public enum ChangeKind
{
    Incident,
    Timeline,
    Figure,
    Involvement,
    Evidence,
    Campaign,
    Task,
    Draft,

    /// <summary>A check of a declared broker, or a round of them (no incident: <see cref="DeskChange.IncidentId"/> is 0).</summary>
    Exposure,

    /// <summary>
    /// This instance may have missed changes made on the others (the feed between instances was down and is back): every
    /// open page re-reads what it shows, whatever its incident (<see cref="DeskChange.IncidentId"/> is 0).
    /// </summary>
    CatchUp,
}

/// <summary>
/// One committed change, as published on the <see cref="IChangeFeed"/>. <see cref="CoopId"/> is set when the change is
/// one co-op's business (a task of that co-op): its liaisons hear about it; everything else reaches officers and auditors.
/// Listeners re-read through the feature services, which apply the reader's own scoping.
/// </summary>
public sealed record DeskChange(ChangeKind Kind, int IncidentId, int? CoopId, int? EntityId, string Actor, DateTime AtUtc)
{
    /// <summary>Whether a page showing <paramref name="kinds"/> must re-read: a change of one of them, or a catch-up.</summary>
    public bool Concerns(params ReadOnlySpan<ChangeKind> kinds) => Kind == ChangeKind.CatchUp || kinds.Contains(Kind);
}
