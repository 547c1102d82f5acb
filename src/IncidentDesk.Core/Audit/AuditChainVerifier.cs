namespace IncidentDesk.Core.Audit;

/// <summary>Why the chain fails verification: each a distinct, named failure (and exit code of <c>audit verify</c>).</summary>
public enum AuditBreak
{
    /// <summary>An entry's content no longer matches its keyed seal: it was edited in place.</summary>
    Rewritten,

    /// <summary>
    /// An entry's seal was recomputed without the key: a plain SHA-256 where a keyed seal belongs, or an unkeyed entry
    /// after the legacy boundary.
    /// </summary>
    Resealed,

    /// <summary>The sequence jumps: entries in the middle were deleted.</summary>
    DeletedInMiddle,

    /// <summary>An entry does not point at the seal of the entry before it (entries replaced or reordered).</summary>
    BrokenLink,

    /// <summary>An entry names a sealing key the desk does not hold (a lost key, or a forged entry).</summary>
    UnknownKey,

    /// <summary>The chain ends before the checkpoint's count: the tail was deleted.</summary>
    Truncated,

    /// <summary>
    /// The entry at a checkpoint's position is not the one the checkpoint signed: history was replaced there, e.g. an older
    /// copy of the database was put back and written on.
    /// </summary>
    Forked,

    /// <summary>The checkpoint given is unreadable or not signed by the desk's checkpoint key: nothing was checked against it.</summary>
    CheckpointInvalid,
}

/// <summary>What a signed checkpoint vouches for: the chain had <see cref="Count"/> entries, the last sealed <see cref="HeadHash"/>.</summary>
public sealed record AuditAnchor(long Count, string HeadHash, long LegacyThrough, DateTime AtUtc);

public sealed record AuditVerification(
    bool IsIntact, long EntriesChecked, long? FirstBrokenSequence, long? FirstBrokenId, string? Problem, AuditBreak? Break = null)
{
    /// <summary>Entries sealed before keys existed (plain SHA-256), all before the legacy boundary.</summary>
    public long LegacyEntries { get; init; }

    /// <summary>The checkpoint the chain was checked against, if any.</summary>
    public AuditAnchor? Anchor { get; init; }

    public static AuditVerification Intact(long count) => new(true, count, null, null, null);
}

/// <summary>
/// Checks a chain one entry at a time, so years of history can be streamed rather than loaded; <see cref="Complete"/> then
/// compares the length with the checkpoint, which is what reveals a deleted tail.
/// </summary>
public sealed class AuditChainVerifier(AuditKeyRing keys, AuditAnchor? anchor = null)
{
    private string _previousHash = AuditChain.GenesisHash;
    private long _expectedSequence = 1;
    private long _count;
    private long _legacy;
    private bool _keyedSeen;
    private AuditVerification? _broken;

    /// <summary>False once the chain is broken; the first break is kept for <see cref="Complete"/>.</summary>
    public bool Accept(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (_broken is not null)
        {
            return false;
        }

        if (Check(entry) is { } problem)
        {
            _broken = new AuditVerification(false, _count, _expectedSequence, entry.Id, problem.Text, problem.Kind)
            {
                LegacyEntries = _legacy, Anchor = anchor,
            };
            return false;
        }

        _previousHash = entry.Hash;
        _expectedSequence++;
        _count++;
        return true;
    }

    /// <summary>The first failure met, or — once every entry was accepted — the comparison with the checkpoint's length.</summary>
    public AuditVerification Complete()
    {
        if (_broken is not null)
        {
            return _broken;
        }

        if (anchor is not null && _count < anchor.Count)
        {
            return new AuditVerification(false, _count, _count + 1, null,
                $"the chain ends at sequence {_count} but the checkpoint of {anchor.AtUtc:yyyy-MM-dd HH:mm:ss} UTC counted {anchor.Count}: " +
                $"entries {_count + 1}–{anchor.Count} were deleted", AuditBreak.Truncated) { LegacyEntries = _legacy, Anchor = anchor };
        }

        return AuditVerification.Intact(_count) with { LegacyEntries = _legacy, Anchor = anchor };
    }

    private (AuditBreak Kind, string Text)? Check(AuditEntry entry)
    {
        if (entry.Sequence != _expectedSequence)
        {
            return (AuditBreak.DeletedInMiddle,
                $"sequence {entry.Sequence} where {_expectedSequence} was expected: entries {_expectedSequence}–{entry.Sequence - 1} are missing (deleted)");
        }

        if (entry.PreviousHash != _previousHash)
        {
            return (AuditBreak.BrokenLink, "the entry does not point at the seal of the entry before it (replaced or reordered)");
        }

        if (entry.KeyId is null)
        {
            if (_keyedSeen || (anchor is not null && entry.Sequence > anchor.LegacyThrough))
            {
                return (AuditBreak.Resealed, anchor is not null && !_keyedSeen
                    ? $"an unkeyed seal after the legacy boundary (sequence {anchor.LegacyThrough}): sealed again without the key"
                    : "an unkeyed seal after keyed entries: sealed again without the key");
            }

            if (entry.Hash != AuditChain.ComputeHash(_previousHash, entry))
            {
                return (AuditBreak.Rewritten, "content does not match its seal (legacy entry edited)");
            }

            _legacy++;
        }
        else
        {
            if (keys.Find(entry.KeyId) is not { } key)
            {
                return (AuditBreak.UnknownKey, $"sealed with key '{entry.KeyId}', which the desk's key ring does not hold");
            }

            if (entry.Hash != AuditChain.ComputeSeal(key, _previousHash, entry))
            {
                return entry.Hash == AuditChain.ComputeHash(_previousHash, entry)
                    ? (AuditBreak.Resealed, "the seal was recomputed without the key (plain SHA-256 where a keyed seal belongs)")
                    : (AuditBreak.Rewritten, "content does not match its keyed seal (the entry was edited)");
            }

            _keyedSeen = true;
        }

        if (anchor is not null && entry.Sequence == anchor.Count && entry.Hash != anchor.HeadHash)
        {
            return (AuditBreak.Forked,
                $"not the entry the checkpoint of {anchor.AtUtc:yyyy-MM-dd HH:mm:ss} UTC signed at this position: history was replaced " +
                "(an older copy restored and written on, or rewritten)");
        }

        return null;
    }
}
