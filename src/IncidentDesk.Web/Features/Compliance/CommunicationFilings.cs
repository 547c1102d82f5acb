using IncidentDesk.Core.Compliance.Drafts;
using IncidentDesk.Data;
using Microsoft.EntityFrameworkCore;

namespace IncidentDesk.Web.Features.Compliance;

/// <summary>The first filing of one kind by one co-op: when it was sent and the protocol the authority gave.</summary>
public sealed record FiledCommunication(DateTime FiledAtUtc, string Protocol);

/// <summary>
/// When each controller co-op filed its ANPD communication in an incident. The complementary-information deadline
/// (R15 art. 6 §3: 20 business days after the communication) exists only once a filing does.
/// </summary>
public interface ICommunicationFilings
{
    /// <summary>Filing instants (UTC) by co-op id, for the co-ops that filed; absent = not filed (or unknown).</summary>
    Task<IReadOnlyDictionary<int, DateTime>> FiledAtAsync(int incidentId, IReadOnlyCollection<int> coopIds, CancellationToken cancellationToken);

    /// <summary>The earliest filing of every kind per co-op (met or late is judged against it); none by default.</summary>
    Task<IReadOnlyDictionary<(int CoopId, FilingKind Kind), FiledCommunication>> FirstFilingsAsync(
        int incidentId, IReadOnlyCollection<int> coopIds, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<(int, FilingKind), FiledCommunication>>(new Dictionary<(int, FilingKind), FiledCommunication>());
}

/// <summary>No filing known (component tests that do not care about filings).</summary>
internal sealed class NoCommunicationFilings : ICommunicationFilings
{
    private static readonly IReadOnlyDictionary<int, DateTime> None = new Dictionary<int, DateTime>();

    public Task<IReadOnlyDictionary<int, DateTime>> FiledAtAsync(
        int incidentId, IReadOnlyCollection<int> coopIds, CancellationToken cancellationToken) => Task.FromResult(None);
}

/// <summary>
/// The filings officers recorded ("registrar como protocolada"). The ANPD communication counts from the EARLIEST one:
/// a preliminary communication is the filing that meets the deadline; the complementary one follows it.
/// </summary>
internal sealed class RecordedCommunicationFilings(IDbContextFactory<IncidentDeskDbContext> dbFactory) : ICommunicationFilings
{
    public async Task<IReadOnlyDictionary<int, DateTime>> FiledAtAsync(
        int incidentId, IReadOnlyCollection<int> coopIds, CancellationToken cancellationToken)
    {
        var first = await FirstFilingsAsync(incidentId, coopIds, cancellationToken);
        return first.Where(f => f.Key.Kind == FilingKind.AnpdCommunication).ToDictionary(f => f.Key.CoopId, f => f.Value.FiledAtUtc);
    }

    public async Task<IReadOnlyDictionary<(int CoopId, FilingKind Kind), FiledCommunication>> FirstFilingsAsync(
        int incidentId, IReadOnlyCollection<int> coopIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(coopIds);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var ids = coopIds.ToList();
        var rows = await db.CommunicationFilings.AsNoTracking()
            .Where(f => f.IncidentId == incidentId && ids.Contains(f.CoopId))
            .Select(f => new { f.CoopId, f.Kind, f.FiledAtUtc, f.Protocol, f.Id })
            .ToListAsync(cancellationToken);
        return rows.GroupBy(r => (r.CoopId, r.Kind))
            .ToDictionary(g => g.Key, g => g.OrderBy(r => r.FiledAtUtc).ThenBy(r => r.Id).Select(r => new FiledCommunication(r.FiledAtUtc, r.Protocol)).First());
    }
}
