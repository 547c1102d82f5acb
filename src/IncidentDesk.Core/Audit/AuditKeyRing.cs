namespace IncidentDesk.Core.Audit;

/// <summary>One HMAC key of the audit chain; its <see cref="Id"/> is stored on every entry it seals.</summary>
public sealed class AuditSealKey
{
    public const int SecretBytes = 32;

    public AuditSealKey(string id, byte[] secret)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(secret);
        if (id.Length > 32 || !id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            throw new ArgumentException("A key id is at most 32 letters, digits, '-' or '_'.", nameof(id));
        }

        if (secret.Length < SecretBytes)
        {
            throw new ArgumentException($"An audit key needs at least {SecretBytes} bytes of secret.", nameof(secret));
        }

        Id = id;
        Secret = secret;
    }

    public string Id { get; }
    internal byte[] Secret { get; }
}

/// <summary>
/// Every key the chain was ever sealed with (old ones stay to verify old entries) and the one new entries are sealed with.
/// Rotation swaps the whole state at once, so an append never sees half of it.
/// </summary>
public sealed class AuditKeyRing
{
    private sealed record State(IReadOnlyDictionary<string, AuditSealKey> Keys, AuditSealKey Current);

    private volatile State _state;

    public AuditKeyRing(IEnumerable<AuditSealKey> keys, string currentId)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var all = keys.ToDictionary(k => k.Id, StringComparer.Ordinal);
        _state = all.TryGetValue(currentId, out var current)
            ? new State(all, current)
            : throw new ArgumentException($"The current audit key '{currentId}' is not in the key ring.", nameof(currentId));
    }

    public AuditSealKey Current => _state.Current;

    public IReadOnlyCollection<string> KeyIds => _state.Keys.Keys.ToList();

    public AuditSealKey? Find(string id) => _state.Keys.GetValueOrDefault(id);

    /// <summary>Adds keys found since (another instance rotated); <paramref name="currentId"/> becomes the sealing key.</summary>
    public void Update(IEnumerable<AuditSealKey> keys, string currentId)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var before = _state;
        var all = new Dictionary<string, AuditSealKey>(before.Keys, StringComparer.Ordinal);
        foreach (var key in keys)
        {
            all.TryAdd(key.Id, key);
        }

        _state = all.TryGetValue(currentId, out var current)
            ? new State(all, current)
            : throw new ArgumentException($"The current audit key '{currentId}' is not in the key ring.", nameof(currentId));
    }
}
