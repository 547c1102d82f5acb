namespace IncidentDesk.Core.Audit;

/// <summary>
/// One append-only line of the audit trail. <see cref="Hash"/> chains each entry to the previous one
/// so that any later edit or deletion is detectable.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    /// <summary>1, 2, 3… with no gap: a deleted entry shows as a jump even at the end of a page.</summary>
    public long Sequence { get; set; }
    public DateTime AtUtc { get; set; }
    public string? ActorId { get; set; }
    public required string ActorName { get; set; }
    public required string Action { get; set; }
    public string? EntityType { get; set; }
    public string? EntityId { get; set; }
    public string? Changes { get; set; }
    public string? ClientIp { get; set; }
    /// <summary>
    /// The sealing key's id: the seal is then an HMAC-SHA256 under a key kept outside the database. Null on entries sealed
    /// before keys existed (plain SHA-256), which verify only up to the legacy boundary a checkpoint records.
    /// </summary>
    public string? KeyId { get; set; }

    public string PreviousHash { get; set; } = "";
    public string Hash { get; set; } = "";
}
