using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace IncidentDesk.Core.Audit;

/// <summary>
/// The tamper-evident chain of the audit trail. Each entry is sealed with <c>HMAC-SHA256(key, key id ‖ previous seal ‖
/// canonical entry)</c> under a key kept outside the database, so rewriting an entry and recomputing every later seal needs
/// that key. Entries written before keys existed carry no key id and a plain <c>SHA-256(previous ‖ canonical entry)</c>.
/// </summary>
public static class AuditChain
{
    public const string GenesisHash = "";

    /// <summary>
    /// A stable text form of every field that matters. Fields are length-prefixed so that no value can
    /// shift content into its neighbour ("ab"+"c" ≠ "a"+"bc").
    /// </summary>
    public static string Canonical(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var builder = new StringBuilder();
        foreach (var field in new[]
                 {
                     entry.Sequence.ToString(CultureInfo.InvariantCulture),
                     entry.AtUtc.Ticks.ToString(CultureInfo.InvariantCulture),
                     entry.ActorId, entry.ActorName, entry.Action, entry.EntityType, entry.EntityId,
                     entry.Changes, entry.ClientIp,
                 })
        {
            var value = field ?? "\0";
            builder.Append(value.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(value).Append('|');
        }

        return builder.ToString();
    }

    /// <summary>The unkeyed seal: how entries were sealed before keys existed (anyone can recompute it).</summary>
    public static string ComputeHash(string previousHash, AuditEntry entry)
    {
        var bytes = Encoding.UTF8.GetBytes(previousHash + "\n" + Canonical(entry));
        return Convert.ToHexStringLower(SHA256.HashData(bytes));
    }

    /// <summary>The keyed seal: only the holder of <paramref name="key"/> can compute it.</summary>
    public static string ComputeSeal(AuditSealKey key, string previousHash, AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(key);
        var bytes = Encoding.UTF8.GetBytes("hmac-sha256:" + key.Id + "\n" + previousHash + "\n" + Canonical(entry));
        return Convert.ToHexStringLower(HMACSHA256.HashData(key.Secret, bytes));
    }

    /// <summary>Seals a new entry onto the chain after <paramref name="previous"/> (null for the first) with <paramref name="key"/>.</summary>
    public static void Seal(AuditEntry entry, AuditEntry? previous, AuditSealKey key)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(key);
        entry.Sequence = (previous?.Sequence ?? 0) + 1;
        entry.PreviousHash = previous?.Hash ?? GenesisHash;
        entry.KeyId = key.Id;
        entry.Hash = ComputeSeal(key, entry.PreviousHash, entry);
    }

    /// <summary>
    /// Seals as the desk did before keys existed (no key id, plain SHA-256). Kept because databases of that time must still
    /// verify, and so that such a chain can be built to prove it.
    /// </summary>
    public static void SealUnkeyed(AuditEntry entry, AuditEntry? previous)
    {
        ArgumentNullException.ThrowIfNull(entry);
        entry.Sequence = (previous?.Sequence ?? 0) + 1;
        entry.PreviousHash = previous?.Hash ?? GenesisHash;
        entry.KeyId = null;
        entry.Hash = ComputeHash(entry.PreviousHash, entry);
    }

    /// <summary>Walks entries in sequence order and reports the first one that does not fit the chain.</summary>
    public static AuditVerification Verify(IEnumerable<AuditEntry> entriesInOrder, AuditKeyRing keys, AuditAnchor? anchor = null)
    {
        ArgumentNullException.ThrowIfNull(entriesInOrder);
        var verifier = new AuditChainVerifier(keys, anchor);
        foreach (var entry in entriesInOrder)
        {
            if (!verifier.Accept(entry))
            {
                break;
            }
        }

        return verifier.Complete();
    }
}
