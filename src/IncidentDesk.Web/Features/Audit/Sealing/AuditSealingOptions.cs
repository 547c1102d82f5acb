namespace IncidentDesk.Web.Features.Audit.Sealing;

/// <summary>The <c>IncidentDesk:Audit</c> section: where the chain's keys and the signed checkpoints live.</summary>
public sealed class AuditSealingOptions
{
    public const string Section = "IncidentDesk:Audit";

    /// <summary>
    /// Key files (<c>&lt;id&gt;.key</c>, HMAC secrets, and <c>checkpoint-signing.pem</c>), created 0600 on first run; relative to
    /// the content root. Never inside the database, so a copy of the database alone cannot reseal the chain.
    /// </summary>
    public string KeysFolder { get; set; } = "data/audit-keys";

    /// <summary>Signed checkpoints, one JSON file each; operators ship this folder off the machine.</summary>
    public string CheckpointsFolder { get; set; } = "data/audit-checkpoints";

    /// <summary>How often a checkpoint is written when the chain has grown (and always at start and at every backup).</summary>
    public TimeSpan CheckpointInterval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Sealing keys given by configuration (id → base64 of at least 32 random bytes), e.g. from a secret store; every
    /// instance of a scaled-out desk needs the same ones. They join the key files' keys.
    /// </summary>
    public Dictionary<string, string> Keys { get; set; } = [];

    /// <summary>The key new entries are sealed with; unset, the newest key id (ids sort by their creation time).</summary>
    public string? CurrentKeyId { get; set; }

    /// <summary>The checkpoint signing key as PEM (PKCS#8, ECDSA P-256) from configuration; unset, the key file.</summary>
    public string? CheckpointSigningKey { get; set; }
}
