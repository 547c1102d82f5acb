using IncidentDesk.Core.Audit;

namespace IncidentDesk.Core.Tests.Audit;

public sealed class AuditChainTests
{
    private static readonly DateTime Start = new(2026, 3, 10, 12, 0, 0, DateTimeKind.Utc);

    private static readonly AuditKeyRing Keys =
        new([new AuditSealKey("k1", System.Security.Cryptography.RandomNumberGenerator.GetBytes(AuditSealKey.SecretBytes))], "k1");

    /// <summary>Five entries sealed one after another, as the audit log writes them (ids deliberately ≠ sequences).</summary>
    private static List<AuditEntry> SealedChain(int count = 5)
    {
        var entries = new List<AuditEntry>();
        AuditEntry? previous = null;
        for (var i = 1; i <= count; i++)
        {
            var entry = new AuditEntry
            {
                Id = 100 + i,
                AtUtc = Start.AddMinutes(i),
                ActorId = $"user-{i}",
                ActorName = $"pessoa{i}@coop.example",
                Action = "Coop.Updated",
                EntityType = "Coop",
                EntityId = i.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Changes = "{\"EncarregadoPhone\":{\"from\":\"(11) 0000-000" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)
                    + "\",\"to\":\"(11) 9999-999" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\"}}",
                ClientIp = "10.0.0." + i,
            };
            AuditChain.Seal(entry, previous, Keys.Current);
            entries.Add(entry);
            previous = entry;
        }

        return entries;
    }

    [Fact]
    public void SealedChainVerifiesIntact()
    {
        var chain = SealedChain();

        var result = AuditChain.Verify(chain, Keys);

        Assert.True(result.IsIntact);
        Assert.Equal(5, result.EntriesChecked);
        Assert.Null(result.FirstBrokenSequence);
        Assert.Equal([1L, 2, 3, 4, 5], chain.Select(e => e.Sequence));
        Assert.Equal(AuditChain.GenesisHash, chain[0].PreviousHash);
        Assert.All(chain.Skip(1), (e, i) => Assert.Equal(chain[i].Hash, e.PreviousHash));
    }

    [Fact]
    public void EmptyChainIsIntact()
    {
        var result = AuditChain.Verify([], Keys);

        Assert.True(result.IsIntact);
        Assert.Equal(0, result.EntriesChecked);
    }

    public static TheoryData<string> Fields =>
    [
        nameof(AuditEntry.AtUtc), nameof(AuditEntry.ActorId), nameof(AuditEntry.ActorName), nameof(AuditEntry.Action),
        nameof(AuditEntry.EntityType), nameof(AuditEntry.EntityId), nameof(AuditEntry.Changes), nameof(AuditEntry.ClientIp),
        nameof(AuditEntry.Sequence), nameof(AuditEntry.PreviousHash), nameof(AuditEntry.Hash), nameof(AuditEntry.KeyId),
    ];

    [Theory]
    [MemberData(nameof(Fields))]
    public void AlteringAnyFieldOfAMiddleEntryBreaksTheChainAtThatEntry(string field)
    {
        var chain = SealedChain();
        var middle = chain[2];

        Alter(middle, field);
        var result = AuditChain.Verify(chain, Keys);

        Assert.False(result.IsIntact);
        Assert.Equal(3, result.FirstBrokenSequence);
        Assert.Equal(middle.Id, result.FirstBrokenId);
        Assert.Equal(2, result.EntriesChecked);
        Assert.False(string.IsNullOrWhiteSpace(result.Problem));
        Assert.NotNull(result.Break);
    }

    [Fact]
    public void ClearingAnOptionalFieldIsDetectedToo()
    {
        var chain = SealedChain();
        chain[1].ClientIp = null;

        var result = AuditChain.Verify(chain, Keys);

        Assert.Equal(2, result.FirstBrokenSequence);
    }

    [Fact]
    public void RemovingAMiddleEntryBreaksTheChainAtItsSuccessor()
    {
        var chain = SealedChain();
        var successor = chain[3];
        chain.RemoveAt(2);

        var result = AuditChain.Verify(chain, Keys);

        Assert.False(result.IsIntact);
        Assert.Equal(3, result.FirstBrokenSequence);
        Assert.Equal(successor.Id, result.FirstBrokenId);
        Assert.Contains("missing", result.Problem, StringComparison.Ordinal);
        Assert.Equal(AuditBreak.DeletedInMiddle, result.Break);
    }

    [Fact]
    public void RemovingTheLastEntriesIsNotDetectableWithoutACheckpoint()
    {
        // Documents the limit that checkpoints exist for: a shorter chain is still a valid chain.
        var chain = SealedChain();
        chain.RemoveAt(4);

        var result = AuditChain.Verify(chain, Keys);

        Assert.True(result.IsIntact);
        Assert.Equal(4, result.EntriesChecked);
    }

    [Fact]
    public void RemovingTheLastEntriesIsTruncationAgainstTheCheckpoint()
    {
        var chain = SealedChain();
        var anchor = new AuditAnchor(5, chain[4].Hash, 0, Start.AddHours(1));
        chain.RemoveRange(2, 3);

        var result = AuditChain.Verify(chain, Keys, anchor);

        Assert.False(result.IsIntact);
        Assert.Equal(AuditBreak.Truncated, result.Break);
        Assert.Equal(3, result.FirstBrokenSequence);
        Assert.Equal(2, result.EntriesChecked);
    }

    [Fact]
    public void AChainThatGrewPastTheCheckpointStillVerifiesAgainstIt()
    {
        var chain = SealedChain();

        var result = AuditChain.Verify(chain, Keys, new AuditAnchor(3, chain[2].Hash, 0, Start.AddHours(1)));

        Assert.True(result.IsIntact);
        Assert.Equal(5, result.EntriesChecked);
    }

    [Fact]
    public void ADifferentEntryWhereTheCheckpointSignedOneIsAFork()
    {
        // An older copy put back and written on: every seal is genuine, but position 4 is not what was signed.
        var signed = SealedChain();
        var anchor = new AuditAnchor(4, signed[3].Hash, 0, Start.AddHours(1));
        var restored = signed.Take(3).ToList();
        var next = new AuditEntry { Id = 999, AtUtc = Start.AddHours(2), ActorName = "cli:root", Action = "Database.Restored" };
        AuditChain.Seal(next, restored[^1], Keys.Current);
        restored.Add(next);

        var result = AuditChain.Verify(restored, Keys, anchor);

        Assert.Equal(AuditBreak.Forked, result.Break);
        Assert.Equal(4, result.FirstBrokenSequence);
        Assert.Equal(999, result.FirstBrokenId);
    }

    [Fact]
    public void SwappingTwoEntriesBreaksTheChain()
    {
        var chain = SealedChain();
        (chain[1], chain[2]) = (chain[2], chain[1]);

        var result = AuditChain.Verify(chain, Keys);

        Assert.False(result.IsIntact);
        Assert.Equal(2, result.FirstBrokenSequence);
    }

    [Fact]
    public void SwappingTwoEntriesContentsWhileKeepingTheirSequencesBreaksTheChain()
    {
        var chain = SealedChain();
        (chain[1].Changes, chain[2].Changes) = (chain[2].Changes, chain[1].Changes);

        var result = AuditChain.Verify(chain, Keys);

        Assert.Equal(2, result.FirstBrokenSequence);
    }

    [Fact]
    public void RewritingAnEntryAndResealingEveryLaterOneWithoutTheKeyIsResealing()
    {
        // Recomputing the whole tail with plain SHA-256 made the old chain verify; the keyed seal does not accept it.
        var chain = SealedChain();
        chain[2].Changes = """{"EncarregadoPhone":{"from":"x","to":"y"}}""";
        for (var i = 2; i < chain.Count; i++)
        {
            chain[i].PreviousHash = chain[i - 1].Hash;
            chain[i].Hash = AuditChain.ComputeHash(chain[i].PreviousHash, chain[i]);
        }

        var result = AuditChain.Verify(chain, Keys);

        Assert.Equal(AuditBreak.Resealed, result.Break);
        Assert.Equal(3, result.FirstBrokenSequence);
    }

    [Fact]
    public void ResealingWithAnotherKeyUnderTheSameIdIsCaught()
    {
        var chain = SealedChain();
        var forger = new AuditSealKey("k1", System.Security.Cryptography.RandomNumberGenerator.GetBytes(AuditSealKey.SecretBytes));
        chain[1].ActorName = "someone-else@coop.example";
        chain[1].Hash = AuditChain.ComputeSeal(forger, chain[1].PreviousHash, chain[1]);

        var result = AuditChain.Verify(chain, Keys);

        Assert.Equal(AuditBreak.Rewritten, result.Break);
        Assert.Equal(2, result.FirstBrokenSequence);
    }

    [Fact]
    public void LegacyEntriesVerifyUpToTheBoundaryThenKeyedOnesFollow()
    {
        var chain = new List<AuditEntry>();
        AuditEntry? previous = null;
        for (var i = 1; i <= 6; i++)
        {
            var entry = NewEntry($"Coop.Updated{i}", "Coop");
            if (i <= 3)
            {
                AuditChain.SealUnkeyed(entry, previous);
            }
            else
            {
                AuditChain.Seal(entry, previous, Keys.Current);
            }

            chain.Add(entry);
            previous = entry;
        }

        var result = AuditChain.Verify(chain, Keys, new AuditAnchor(6, chain[5].Hash, LegacyThrough: 3, Start));

        Assert.True(result.IsIntact, result.Problem);
        Assert.Equal(3, result.LegacyEntries);
    }

    [Fact]
    public void AnUnkeyedEntryAfterTheLegacyBoundaryIsResealing()
    {
        // Downgrading keyed entries to the old unkeyed form is how one would reseal without the key: refused past the boundary.
        var chain = SealedChain();
        chain[3].KeyId = null;
        chain[3].Hash = AuditChain.ComputeHash(chain[3].PreviousHash, chain[3]);

        var result = AuditChain.Verify(chain, Keys);

        Assert.Equal(AuditBreak.Resealed, result.Break);
        Assert.Equal(4, result.FirstBrokenSequence);
    }

    [Fact]
    public void RotatedKeysVerifyTogether()
    {
        var ring = new AuditKeyRing([new AuditSealKey("old", System.Security.Cryptography.RandomNumberGenerator.GetBytes(32))], "old");
        var first = NewEntry("A", null);
        AuditChain.Seal(first, null, ring.Current);
        ring.Update([new AuditSealKey("new", System.Security.Cryptography.RandomNumberGenerator.GetBytes(32))], "new");
        var second = NewEntry("B", null);
        AuditChain.Seal(second, first, ring.Current);

        Assert.Equal("old", first.KeyId);
        Assert.Equal("new", second.KeyId);
        Assert.True(AuditChain.Verify([first, second], ring).IsIntact);
        var withoutOldKey = new AuditKeyRing([ring.Find("new")!], "new");
        Assert.Equal(AuditBreak.UnknownKey, AuditChain.Verify([first, second], withoutOldKey).Break);
    }

    [Fact]
    public void CanonicalFormIsInjectiveForShiftedFields()
    {
        var first = NewEntry("ab", "c");
        var second = NewEntry("a", "bc");

        Assert.NotEqual(AuditChain.Canonical(first), AuditChain.Canonical(second));
        Assert.NotEqual(AuditChain.ComputeHash("", first), AuditChain.ComputeHash("", second));
    }

    [Fact]
    public void CanonicalFormTellsNullFromEmpty()
    {
        var withNull = NewEntry("a", null);
        var withEmpty = NewEntry("a", "");

        Assert.NotEqual(AuditChain.ComputeHash("", withNull), AuditChain.ComputeHash("", withEmpty));
    }

    private static AuditEntry NewEntry(string action, string? entityType) => new()
    {
        Sequence = 1,
        AtUtc = Start,
        ActorName = "cli:root",
        Action = action,
        EntityType = entityType,
    };

    private static void Alter(AuditEntry entry, string field)
    {
        switch (field)
        {
            case nameof(AuditEntry.AtUtc): entry.AtUtc = entry.AtUtc.AddTicks(1); break;
            case nameof(AuditEntry.ActorId): entry.ActorId += "x"; break;
            case nameof(AuditEntry.ActorName): entry.ActorName = "someone-else@coop.example"; break;
            case nameof(AuditEntry.Action): entry.Action = "Coop.Deleted"; break;
            case nameof(AuditEntry.EntityType): entry.EntityType = "Incident"; break;
            case nameof(AuditEntry.EntityId): entry.EntityId = "999"; break;
            case nameof(AuditEntry.Changes): entry.Changes = entry.Changes!.Replace("9999", "8888", StringComparison.Ordinal); break;
            case nameof(AuditEntry.ClientIp): entry.ClientIp = "192.0.2.1"; break;
            case nameof(AuditEntry.Sequence): entry.Sequence += 10; break;
            case nameof(AuditEntry.PreviousHash): entry.PreviousHash = new string('0', 64); break;
            case nameof(AuditEntry.Hash): entry.Hash = new string('f', 64); break;
            case nameof(AuditEntry.KeyId): entry.KeyId = "k0"; break;
            default: throw new ArgumentOutOfRangeException(nameof(field), field, null);
        }
    }
}
