using IncidentDesk.Data.Identity;
using IncidentDesk.Web.Security;

namespace IncidentDesk.Web.Features.Admin;

/// <summary>One account as the officers' user list shows it.</summary>
public sealed record UserRow(
    string Id, string DisplayName, string Email, string? Role, int? CoopId, string? CoopCode, string? CoopName,
    bool IsActive, bool TwoFactorEnabled, DateTime CreatedAtUtc, DateTime? DeactivatedAtUtc)
{
    public bool IsLiaison => Role == AppRoles.CoopLiaison;
}

/// <summary>A co-op to pick for a liaison.</summary>
public sealed record CoopChoice(int Id, string Code, string Name)
{
    public override string ToString() => $"{Code} — {Name}";
}
