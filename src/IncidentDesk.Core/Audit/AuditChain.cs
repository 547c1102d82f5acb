using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace IncidentDesk.Core.Audit;

/// <summary>Why an entry does not fit the chain.</summary>
public enum AuditBreak
{
    /// <summary>The sequence jumps: an entry before this one was deleted.</summary>
    MissingEntry,

    /// <summary>The entry does not point at the hash of the entry before it (reordered or replaced).</summary>
    BrokenLink,

    /// <summary>The entry's content no longer matches its own hash (edited).</summary>
    Altered,
}

public sealed record AuditVerification(
    bool IsIntact, long EntriesChecked, long? FirstBrokenSequence, long? FirstBrokenId, string? Problem, AuditBreak? Break = null)
{
    public static AuditVerification Intact(long count) => new(true, count, null, null, null);
}

/// <summary>
/// The tamper-evident chain of the audit trail: <c>hash = SHA-256(previous hash ‖ canonical entry)</c>.
/// Editing any stored field, deleting an entry or reordering entries breaks the chain at that point.
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

    public static string ComputeHash(string previousHash, AuditEntry entry)
    {
        var bytes = Encoding.UTF8.GetBytes(previousHash + "\n" + Canonical(entry));
        return Convert.ToHexStringLower(SHA256.HashData(bytes));
    }

    /// <summary>Seals a new entry onto the chain after <paramref name="previous"/> (null for the first).</summary>
    public static void Seal(AuditEntry entry, AuditEntry? previous)
    {
        ArgumentNullException.ThrowIfNull(entry);
        entry.Sequence = (previous?.Sequence ?? 0) + 1;
        entry.PreviousHash = previous?.Hash ?? GenesisHash;
        entry.Hash = ComputeHash(entry.PreviousHash, entry);
    }

    /// <summary>Walks entries in sequence order and reports the first one that does not fit the chain.</summary>
    public static AuditVerification Verify(IEnumerable<AuditEntry> entriesInOrder)
    {
        ArgumentNullException.ThrowIfNull(entriesInOrder);
        var verifier = new AuditChainVerifier();
        foreach (var entry in entriesInOrder)
        {
            if (!verifier.Accept(entry))
            {
                break;
            }
        }

        return verifier.Result;
    }
}

/// <summary>Checks a chain one entry at a time, so years of history can be streamed rather than loaded.</summary>
public sealed class AuditChainVerifier
{
    private string _previousHash = AuditChain.GenesisHash;
    private long _expectedSequence = 1;
    private long _count;
    private AuditVerification? _broken;

    public AuditVerification Result => _broken ?? AuditVerification.Intact(_count);

    /// <summary>False once the chain is broken; the first break is kept in <see cref="Result"/>.</summary>
    public bool Accept(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (_broken is not null)
        {
            return false;
        }

        (AuditBreak Kind, string Text)? problem =
            entry.Sequence != _expectedSequence
                ? (AuditBreak.MissingEntry, $"sequence {entry.Sequence} where {_expectedSequence} was expected (an entry is missing)")
            : entry.PreviousHash != _previousHash ? (AuditBreak.BrokenLink, "previous hash does not match the entry before it")
            : entry.Hash != AuditChain.ComputeHash(_previousHash, entry) ? (AuditBreak.Altered, "content does not match its hash (the entry was altered)")
            : null;
        if (problem is { } found)
        {
            _broken = new AuditVerification(false, _count, _expectedSequence, entry.Id, found.Text, found.Kind);
            return false;
        }

        _previousHash = entry.Hash;
        _expectedSequence++;
        _count++;
        return true;
    }
}
