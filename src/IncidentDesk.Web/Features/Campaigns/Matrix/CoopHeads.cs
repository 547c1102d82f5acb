using System.Collections.Concurrent;

namespace IncidentDesk.Web.Features.Campaigns.Matrix;

/// <summary>
/// A co-op's code, name, UF and federation as the matrix names it, shared by every open matrix. Each officer's matrix
/// reads the directory afresh (so a renamed co-op shows at once), but keeps the process-wide instance when nothing
/// changed: fifty open matrices then hold one copy of 340 co-ops' texts instead of fifty. Officers and auditors see the
/// same directory, so sharing it crosses no scoping line; it holds at most one entry per co-op.
/// </summary>
internal static class CoopHeads
{
    private static readonly ConcurrentDictionary<int, CoopHead> Shared = new();

    public static CoopHead Share(int id, string code, string name, string uf, string federationCode)
    {
        var read = new CoopHead(id, code, name, uf, federationCode);
        return Shared.AddOrUpdate(id, read, (_, known) => known == read ? known : read);
    }
}

/// <summary>The texts a matrix row shows for its co-op.</summary>
internal sealed record CoopHead(int Id, string Code, string Name, string Uf, string FederationCode);
