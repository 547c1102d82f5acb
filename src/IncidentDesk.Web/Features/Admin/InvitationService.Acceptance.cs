using IncidentDesk.Data;
using IncidentDesk.Data.Identity;
using IncidentDesk.Web.Features.Audit;
using IncidentDesk.Web.Outcomes;
using IncidentDesk.Web.Features.Tokens;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using static IncidentDesk.Web.Features.Admin.AdminAudit;
using IncidentDesk.Data.Audit;

namespace IncidentDesk.Web.Features.Admin;

/// <summary>
/// The invited person's side: anonymous, through the link only — so it reads federation-wide (nobody is signed in yet);
/// what it may touch is decided by the link's token.
/// </summary>
public sealed partial class InvitationService
{
    /// <summary>Anonymous: who a link invites, or why it no longer works.</summary>
    public async Task<Result<InvitationPreview>> PreviewAsync(string? token, CancellationToken cancellationToken = default)
    {
        await using var db = await anonymousDb.CreateDbContextAsync(cancellationToken);
        var (invitation, problem) = await FindUsableAsync(db, token, cancellationToken);
        if (invitation is null)
        {
            return problem!;
        }

        var coop = await db.Coops.Where(c => c.Id == invitation.CoopId).Select(c => new { c.Code, c.Name }).FirstOrDefaultAsync(cancellationToken);
        return Result.Success(
            new InvitationPreview(invitation.Email, invitation.Role, coop?.Code, coop?.Name, invitation.ExpiresAtUtc));
    }

    /// <summary>Anonymous: creates the invited account (password policy applies) and uses up the link.</summary>
    public async Task<Result<AcceptedInvitation>> AcceptAsync(
        string? token, string? displayName, string? password, CancellationToken cancellationToken = default)
    {
        await using var db = await anonymousDb.CreateDbContextAsync(cancellationToken);
        var (invitation, problem) = await FindUsableAsync(db, token, cancellationToken);
        if (invitation is null)
        {
            return problem!;
        }

        var name = displayName?.Trim() ?? "";
        if (name.Length == 0 || name.Length > MaxNameLength)
        {
            return AdminRefusal.Of("Accept.NameRequired", MaxNameLength);
        }

        // A fresh scope: UserManager's context must not outlive this operation (pages and circuits live long).
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var account = new AppUser
        {
            UserName = invitation.Email,
            Email = invitation.Email,
            EmailConfirmed = true,
            DisplayName = name,
            CoopId = invitation.CoopId,
            IsActive = true,
            CreatedAtUtc = Now,
        };
        var created = await users.CreateAsync(account, password ?? "");
        if (created.Succeeded)
        {
            created = await users.AddToRoleAsync(account, invitation.Role);
            if (!created.Succeeded)
            {
                await users.DeleteAsync(account);
            }
        }

        if (!created.Succeeded)
        {
            return AdminRefusal.Of(created.Errors);
        }

        var actor = new AuditActor(account.Id, invitation.Email);
        invitation.AcceptedAtUtc = Now;
        invitation.AcceptedUserId = account.Id;
        await audit.SaveChangesAsync(db, new AuditRecord(AuditActions.InvitationAccepted, InvitationEntity, Key(invitation.Id),
            Json(("AcceptedAtUtc", Change(null, invitation.AcceptedAtUtc)), ("AcceptedUserId", Change(null, account.Id)))),
            actor, cancellationToken);
        await audit.AppendAsync(new AuditRecord(AuditActions.UserCreated, UserEntity, account.Id,
            Json(("Email", account.Email), ("DisplayName", name), ("Role", invitation.Role), ("CoopId", invitation.CoopId),
                ("InvitationId", invitation.Id))), actor, cancellationToken);
        return Result.Success(new AcceptedInvitation(account.Id, invitation.Email, invitation.Role));
    }

    private async Task<(Invitation? Invitation, Failure? Problem)> FindUsableAsync(
        IncidentDeskDbContext db, string? token, CancellationToken cancellationToken)
    {
        // A replaced (re-sent) token hashes to nothing stored, so it reads as an unknown link.
        var hash = string.IsNullOrWhiteSpace(token) || token.Length > 128 ? null : AccessTokenSecrets.Hash(token.Trim());
        var invitation = hash is null ? null : await db.Invitations.FirstOrDefaultAsync(i => i.TokenHash == hash, cancellationToken);
        var status = invitation is null ? (InvitationStatus?)null : StatusOf(invitation, Now);
        return status switch
        {
            InvitationStatus.Pending => (invitation, null),
            InvitationStatus.Accepted => (null, AdminRefusal.Of("Accept.AlreadyUsed")),
            InvitationStatus.Revoked => (null, AdminRefusal.Of("Accept.Revoked")),
            InvitationStatus.Expired => (null, AdminRefusal.Of("Accept.Expired")),
            _ => (null, AdminRefusal.Of("Accept.UnknownLink")),
        };
    }
}
