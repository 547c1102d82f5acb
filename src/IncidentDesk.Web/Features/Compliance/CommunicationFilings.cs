namespace IncidentDesk.Web.Features.Compliance;

/// <summary>
/// When each controller co-op filed its ANPD communication in an incident. The complementary-information deadline
/// (R15 art. 6 §3: 20 business days after the communication) exists only once a filing does.
/// SEAM: the drafts and "record as filed" work (issue 6, item 6) replaces <see cref="NoCommunicationFilings"/> with an
/// implementation reading the filed drafts; nothing else in the deadline code needs to change.
/// </summary>
public interface ICommunicationFilings
{
    /// <summary>Filing instants (UTC) by co-op id, for the co-ops that filed; absent = not filed (or unknown).</summary>
    Task<IReadOnlyDictionary<int, DateTime>> FiledAtAsync(int incidentId, IReadOnlyCollection<int> coopIds, CancellationToken cancellationToken);
}

/// <summary>Until drafts can be recorded as filed, no filing is known.</summary>
internal sealed class NoCommunicationFilings : ICommunicationFilings
{
    private static readonly IReadOnlyDictionary<int, DateTime> None = new Dictionary<int, DateTime>();

    public Task<IReadOnlyDictionary<int, DateTime>> FiledAtAsync(
        int incidentId, IReadOnlyCollection<int> coopIds, CancellationToken cancellationToken) => Task.FromResult(None);
}
