using System.Collections.Concurrent;

namespace IncidentDesk.Web.Features.Campaigns;

/// <summary>
/// Officers watching the same campaign hold equal rows: each open matrix kept its own 340 rows of 20 cells (~180 KB per
/// open page). A row read or patched equal to one already held is taken from here instead, so fifty open matrices share
/// one copy. Weakly held: a row that no open matrix holds any more is collected, and its entry swept later.
/// </summary>
internal static class SharedRows
{
    private const int SweepEvery = 4096;

    private static readonly ConcurrentDictionary<(int CampaignId, int CoopId), WeakReference<ProgressRow>> Held = new();
    private static int _added;

    public static ProgressRow Share(int campaignId, ProgressRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var key = (campaignId, row.CoopId);
        if (Held.TryGetValue(key, out var held) && held.TryGetTarget(out var shared) && Equal(shared, row))
        {
            return shared;
        }

        Held[key] = new WeakReference<ProgressRow>(row);
        if (Interlocked.Increment(ref _added) % SweepEvery == 0)
        {
            Sweep();
        }

        return row;
    }

    private static bool Equal(ProgressRow a, ProgressRow b) =>
        a.CoopCode == b.CoopCode && a.CoopName == b.CoopName && a.Uf == b.Uf && a.FederationCode == b.FederationCode
        && a.Cells.SequenceEqual(b.Cells);

    private static void Sweep()
    {
        foreach (var entry in Held)
        {
            if (!entry.Value.TryGetTarget(out _))
            {
                Held.TryRemove(entry);
            }
        }
    }
}
