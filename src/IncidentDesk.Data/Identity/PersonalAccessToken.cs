namespace IncidentDesk.Data.Identity;

/// <summary>
/// An API credential acting as its owner (same role, same co-op). The secret is shown once; only its
/// SHA-256 is kept — the token has 256 bits of entropy, so a fast hash is enough.
/// </summary>
public sealed class PersonalAccessToken
{
    public int Id { get; set; }
    public required string UserId { get; set; }
    public required string Name { get; set; }
    public required string TokenHash { get; set; }

    /// <summary>The first characters of the token, so a person can tell their tokens apart.</summary>
    public required string Prefix { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime ExpiresAtUtc { get; set; }
    public DateTime? RevokedAtUtc { get; set; }
    public DateTime? LastUsedAtUtc { get; set; }
}
