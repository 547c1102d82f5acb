using IncidentDesk.Core.Audit;

namespace IncidentDesk.Core.Tests.Audit;

public sealed class AuditChainTests
{
    private static readonly DateTime Start = new(2026, 3, 10, 12, 0, 0, DateTimeKind.Utc);

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
            AuditChain.Seal(entry, previous);
            entries.Add(entry);
            previous = entry;
        }

        return entries;
    }

    [Fact]
    public void SealedChainVerifiesIntact()
    {
        var chain = SealedChain();

        var result = AuditChain.Verify(chain);

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
        var result = AuditChain.Verify([]);

        Assert.True(result.IsIntact);
        Assert.Equal(0, result.EntriesChecked);
    }

    public static TheoryData<string> Fields =>
    [
        nameof(AuditEntry.AtUtc), nameof(AuditEntry.ActorId), nameof(AuditEntry.ActorName), nameof(AuditEntry.Action),
        nameof(AuditEntry.EntityType), nameof(AuditEntry.EntityId), nameof(AuditEntry.Changes), nameof(AuditEntry.ClientIp),
        nameof(AuditEntry.Sequence), nameof(AuditEntry.PreviousHash), nameof(AuditEntry.Hash),
    ];

    [Theory]
    [MemberData(nameof(Fields))]
    public void AlteringAnyFieldOfAMiddleEntryBreaksTheChainAtThatEntry(string field)
    {
        var chain = SealedChain();
        var middle = chain[2];

        Alter(middle, field);
        var result = AuditChain.Verify(chain);

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

        var result = AuditChain.Verify(chain);

        Assert.Equal(2, result.FirstBrokenSequence);
    }

    [Fact]
    public void RemovingAMiddleEntryBreaksTheChainAtItsSuccessor()
    {
        var chain = SealedChain();
        var successor = chain[3];
        chain.RemoveAt(2);

        var result = AuditChain.Verify(chain);

        Assert.False(result.IsIntact);
        Assert.Equal(3, result.FirstBrokenSequence);
        Assert.Equal(successor.Id, result.FirstBrokenId);
        Assert.Contains("missing", result.Problem, StringComparison.Ordinal);
        Assert.Equal(AuditBreak.MissingEntry, result.Break);
    }

    [Fact]
    public void RemovingTheLastEntriesIsNotDetectableByTheChainAlone()
    {
        // Documents the limit: truncating the tail leaves a shorter but valid chain; the count reported
        // by each verification (itself an audit entry) is what reveals it.
        var chain = SealedChain();
        chain.RemoveAt(4);

        var result = AuditChain.Verify(chain);

        Assert.True(result.IsIntact);
        Assert.Equal(4, result.EntriesChecked);
    }

    [Fact]
    public void SwappingTwoEntriesBreaksTheChain()
    {
        var chain = SealedChain();
        (chain[1], chain[2]) = (chain[2], chain[1]);

        var result = AuditChain.Verify(chain);

        Assert.False(result.IsIntact);
        Assert.Equal(2, result.FirstBrokenSequence);
    }

    [Fact]
    public void SwappingTwoEntriesContentsWhileKeepingTheirSequencesBreaksTheChain()
    {
        var chain = SealedChain();
        (chain[1].Changes, chain[2].Changes) = (chain[2].Changes, chain[1].Changes);

        var result = AuditChain.Verify(chain);

        Assert.Equal(2, result.FirstBrokenSequence);
    }

    [Fact]
    public void ResealingAnAlteredEntryStillBreaksAtItsSuccessor()
    {
        // Someone who recomputes the altered entry's own hash still cannot forge the rest of the chain.
        var chain = SealedChain();
        chain[2].Changes = """{"EncarregadoPhone":{"from":"x","to":"y"}}""";
        chain[2].Hash = AuditChain.ComputeHash(chain[2].PreviousHash, chain[2]);

        var result = AuditChain.Verify(chain);

        Assert.Equal(4, result.FirstBrokenSequence);
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
            default: throw new ArgumentOutOfRangeException(nameof(field), field, null);
        }
    }
}
