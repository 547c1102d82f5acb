using System.Globalization;
using System.Net.Mail;
using IncidentDesk.Data;
using IncidentDesk.Data.Identity;
using IncidentDesk.Web.Features.Audit;
using IncidentDesk.Web.Outcomes;
using IncidentDesk.Web.Features.Tokens;
using IncidentDesk.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using static IncidentDesk.Web.Features.Admin.AdminAudit;
using IncidentDesk.Data.Audit;

namespace IncidentDesk.Web.Features.Admin;

/// <summary>
/// Invitations: officers invite a person with a role (and, for a liaison, a co-op); the person accepts
/// through a single-use link valid 72 h and chooses a password. Only the link token's SHA-256 is stored.
/// </summary>
public sealed partial class InvitationService(
    IDbContextFactory<IncidentDeskDbContext> dbFactory,
    FederationWideDb anonymousDb,
    IServiceScopeFactory scopes,
    ILookupNormalizer normalizer,
    CurrentUser user,
    AuditLog audit,
    TimeProvider time)
{
    public const string AcceptPath = "/account/invitation";
    public static readonly TimeSpan Validity = TimeSpan.FromHours(72);
    private const int MaxEmailLength = 256;
    private const int MaxNameLength = 200;

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    public async Task<Result<InvitationLink>> InviteAsync(string email, string role, int? coopId, CancellationToken cancellationToken = default)
    {
        if (await audit.ForbiddenUnlessAsync(user.IsOfficer, InvitationEntity, null, cancellationToken) is { } forbidden)
        {
            return forbidden;
        }

        var address = ParseEmail(email);
        if (address is null)
        {
            return AdminRefusal.Of("Invite.InvalidEmail");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var problem = await CheckRoleAndCoopAsync(db, role, coopId, cancellationToken)
            ?? await CheckEmailFreeAsync(db, address, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var token = AccessTokenSecrets.NewSecret();
        var now = Now;
        var invitation = new Invitation
        {
            Email = address,
            Role = role,
            CoopId = coopId,
            TokenHash = AccessTokenSecrets.Hash(token),
            CreatedAtUtc = now,
            ExpiresAtUtc = now + Validity,
            InvitedByUserId = user.UserId!,
        };
        db.Invitations.Add(invitation);
        // Audited as "Invitation.Created" (entity type + verb) with every field, the token hash redacted.
        await audit.SaveChangesAsync(db, cancellationToken: cancellationToken);
        return Result.Success(new InvitationLink(invitation.Id, address, LinkFor(token), invitation.ExpiresAtUtc));
    }

    public async Task<Result<IReadOnlyList<InvitationRow>>> ListAsync(CancellationToken cancellationToken = default)
    {
        if (await audit.ForbiddenUnlessAsync(user.IsOfficer, InvitationEntity, null, cancellationToken) is { } forbidden)
        {
            return forbidden;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await (
            from i in db.Invitations.AsNoTracking()
            join c in db.Coops on i.CoopId equals c.Id into coops
            from c in coops.DefaultIfEmpty()
            join u in db.Users on i.InvitedByUserId equals u.Id into inviters
            from u in inviters.DefaultIfEmpty()
            orderby i.Id descending
            select new { Invitation = i, CoopCode = c.Code, CoopName = c.Name, InvitedBy = u.DisplayName })
            .ToListAsync(cancellationToken);
        var now = Now;
        return Result.Success<IReadOnlyList<InvitationRow>>([.. rows.Select(r => new InvitationRow(
            r.Invitation.Id, r.Invitation.Email, r.Invitation.Role, r.CoopCode, r.CoopName, r.InvitedBy,
            r.Invitation.CreatedAtUtc, r.Invitation.ExpiresAtUtc, StatusOf(r.Invitation, now)))]);
    }

    public async Task<Result> RevokeAsync(int id, CancellationToken cancellationToken = default)
    {
        if (await audit.ForbiddenUnlessAsync(user.IsOfficer, InvitationEntity, Key(id), cancellationToken) is { } forbidden)
        {
            return forbidden;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var invitation = await db.Invitations.FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        var problem = NotOpen(invitation);
        if (problem is not null)
        {
            return problem;
        }

        invitation!.RevokedAtUtc = Now;
        await audit.SaveChangesAsync(db, new AuditRecord(AuditActions.InvitationRevoked, InvitationEntity, Key(id),
            Json(("RevokedAtUtc", Change(null, invitation.RevokedAtUtc)))), cancellationToken: cancellationToken);
        return Result.Success();
    }

    /// <summary>A new link and a new 72 h: the previous link stops working at once.</summary>
    public async Task<Result<InvitationLink>> ResendAsync(int id, CancellationToken cancellationToken = default)
    {
        if (await audit.ForbiddenUnlessAsync(user.IsOfficer, InvitationEntity, Key(id), cancellationToken) is { } forbidden)
        {
            return forbidden;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var invitation = await db.Invitations.FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        var problem = NotOpen(invitation) ?? await CheckNoAccountAsync(db, invitation!.Email, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var token = AccessTokenSecrets.NewSecret();
        var previousExpiry = invitation!.ExpiresAtUtc;
        invitation.TokenHash = AccessTokenSecrets.Hash(token);
        invitation.ExpiresAtUtc = Now + Validity;
        await audit.SaveChangesAsync(db, new AuditRecord(AuditActions.InvitationResent, InvitationEntity, Key(id),
            Json(("ExpiresAtUtc", Change(previousExpiry, invitation.ExpiresAtUtc)), ("TokenHash", Change("***", "***")))),
            cancellationToken: cancellationToken);
        return Result.Success(new InvitationLink(id, invitation.Email, LinkFor(token), invitation.ExpiresAtUtc));
    }

    public static InvitationStatus StatusOf(Invitation invitation, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(invitation);
        return invitation switch
        {
            { AcceptedAtUtc: not null } => InvitationStatus.Accepted,
            { RevokedAtUtc: not null } => InvitationStatus.Revoked,
            _ when invitation.ExpiresAtUtc <= nowUtc => InvitationStatus.Expired,
            _ => InvitationStatus.Pending,
        };
    }

    private Failure? NotOpen(Invitation? invitation) => invitation is null ? Result.NotFound()
        : StatusOf(invitation, Now) switch
        {
            InvitationStatus.Accepted => AdminRefusal.Of("Invite.AlreadyAccepted"),
            InvitationStatus.Revoked => AdminRefusal.Of("Invite.AlreadyRevoked"),
            _ => null,
        };

    private static async Task<Failure?> CheckRoleAndCoopAsync(IncidentDeskDbContext db, string role, int? coopId, CancellationToken cancellationToken)
    {
        if (!AppRoles.All.Contains(role, StringComparer.Ordinal))
        {
            return AdminRefusal.Of("Invite.InvalidRole");
        }

        if (role != AppRoles.CoopLiaison)
        {
            return coopId is null ? null : AdminRefusal.Of("Invite.CoopOnlyForLiaison");
        }

        if (coopId is not { } id)
        {
            return AdminRefusal.Of("Invite.CoopRequired");
        }

        return await db.Coops.AnyAsync(c => c.Id == id, cancellationToken) ? null : AdminRefusal.Of("Invite.CoopNotFound");
    }

    private async Task<Failure?> CheckEmailFreeAsync(IncidentDeskDbContext db, string email, CancellationToken cancellationToken)
    {
        var now = Now;
        var open = await db.Invitations
            .Where(i => i.AcceptedAtUtc == null && i.RevokedAtUtc == null && i.ExpiresAtUtc > now)
            .Select(i => i.Email).ToListAsync(cancellationToken);
        return await CheckNoAccountAsync(db, email, cancellationToken)
            ?? (open.Contains(email, StringComparer.OrdinalIgnoreCase) ? AdminRefusal.Of("Invite.AlreadyPending", email) : null);
    }

    private async Task<Failure?> CheckNoAccountAsync(IncidentDeskDbContext db, string email, CancellationToken cancellationToken)
    {
        var normalized = normalizer.NormalizeEmail(email);
        var existing = await db.Users.Where(u => u.NormalizedEmail == normalized)
            .Select(u => new { u.IsActive }).FirstOrDefaultAsync(cancellationToken);
        return existing switch
        {
            null => null,
            { IsActive: true } => AdminRefusal.Of("Invite.AccountExists", email),
            _ => AdminRefusal.Of("Invite.AccountDeactivated", email),
        };
    }

    private static string? ParseEmail(string? email)
    {
        var trimmed = email?.Trim() ?? "";
        return trimmed.Length is > 0 and <= MaxEmailLength
            && MailAddress.TryCreate(trimmed, out var address) && address.Address == trimmed && address.Host.Contains('.', StringComparison.Ordinal)
            ? trimmed
            : null;
    }

    private static string LinkFor(string token) => $"{AcceptPath}?token={Uri.EscapeDataString(token)}";

    private static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);
}
