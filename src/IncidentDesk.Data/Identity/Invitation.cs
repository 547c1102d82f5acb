namespace IncidentDesk.Data.Identity;

/// <summary>
/// A single-use invitation to join with a role (and, for liaisons, a co-op). Only the SHA-256 of the
/// link's token is stored, so a copy of the database does not hand out accounts.
/// </summary>
public sealed class Invitation
{
    public int Id { get; set; }
    public required string Email { get; set; }
    public required string Role { get; set; }
    public int? CoopId { get; set; }
    public required string TokenHash { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime ExpiresAtUtc { get; set; }
    public required string InvitedByUserId { get; set; }
    public DateTime? AcceptedAtUtc { get; set; }
    public string? AcceptedUserId { get; set; }
    public DateTime? RevokedAtUtc { get; set; }
}
