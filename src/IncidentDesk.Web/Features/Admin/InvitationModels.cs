namespace IncidentDesk.Web.Features.Admin;

public enum InvitationStatus
{
    Pending,
    Accepted,
    Revoked,
    Expired,
}

/// <summary>One invitation as the officers' list shows it.</summary>
public sealed record InvitationRow(
    int Id, string Email, string Role, string? CoopCode, string? CoopName, string? InvitedBy,
    DateTime CreatedAtUtc, DateTime ExpiresAtUtc, InvitationStatus Status)
{
    /// <summary>Only a link nobody used or revoked can be revoked or sent again (an expired one gets new 72 h).</summary>
    public bool IsOpen => Status is InvitationStatus.Pending or InvitationStatus.Expired;
}

/// <summary>A freshly minted link, relative to the app's base address. Shown once: only its hash is stored.</summary>
public sealed record InvitationLink(int InvitationId, string Email, string Path, DateTime ExpiresAtUtc, bool Mailed = false);

/// <summary>What the invited person sees before choosing a password.</summary>
public sealed record InvitationPreview(string Email, string Role, string? CoopCode, string? CoopName, DateTime ExpiresAtUtc);

/// <summary>The account created by accepting an invitation.</summary>
public sealed record AcceptedInvitation(string UserId, string Email, string Role);
