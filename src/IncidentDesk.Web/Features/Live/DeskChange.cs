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
    public bool Concerns(IReadOnlyCollection<ChangeKind> kinds) => Kind == ChangeKind.CatchUp || kinds.Contains(Kind);
}

/// <summary>What each kind of open page shows, for <c>LiveChanges</c>' filter: a page hears only these (and catch-ups).</summary>
public static class ChangeKinds
{
    /// <summary>What the incident list shows of each incident: its record and the co-ops it involves.</summary>
    public static readonly IReadOnlyCollection<ChangeKind> Listing = [ChangeKind.Incident, ChangeKind.Involvement];

    /// <summary>The campaigns and their co-op tasks: the matrix, task lists, overdue co-ops.</summary>
    public static readonly IReadOnlyCollection<ChangeKind> TaskWork = [ChangeKind.Task, ChangeKind.Campaign];

    /// <summary>An incident's own record: its facts, timeline, figures, co-ops involved, evidence and drafts.</summary>
    public static readonly IReadOnlyCollection<ChangeKind> IncidentRecord =
        [ChangeKind.Incident, ChangeKind.Timeline, ChangeKind.Figure, ChangeKind.Involvement, ChangeKind.Evidence, ChangeKind.Draft];

    /// <summary>The exposure checks and the tasks made from their findings.</summary>
    public static readonly IReadOnlyCollection<ChangeKind> Exposure = [ChangeKind.Exposure, ChangeKind.Task];
}
