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
}

/// <summary>
/// One committed change, as published on the <see cref="IChangeFeed"/>. <see cref="CoopId"/> is set when the change is
/// one co-op's business (a task of that co-op): its liaisons hear about it; everything else reaches officers and auditors.
/// Listeners re-read through the feature services, which apply the reader's own scoping.
/// </summary>
public sealed record DeskChange(ChangeKind Kind, int IncidentId, int? CoopId, int? EntityId, string Actor, DateTime AtUtc);
