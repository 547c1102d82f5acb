using IncidentDesk.Data;
using IncidentDesk.Data.Identity;
using IncidentDesk.Web.Features.Audit;
using IncidentDesk.Web.Outcomes;
using IncidentDesk.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using static IncidentDesk.Web.Features.Admin.AdminAudit;
using IncidentDesk.Data.Audit;

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

/// <summary>
/// User administration for privacy officers: the list of accounts, deactivation (sessions end at once)
/// and moving a liaison to another co-op. Every change is audited; anyone else is refused and audited.
/// </summary>
public sealed class UserAdministrationService(
    IDbContextFactory<IncidentDeskDbContext> dbFactory,
    IServiceScopeFactory scopes,
    SessionTerminator sessions,
    CurrentUser user,
    AuditLog audit,
    TimeProvider time)
{
    private const int MaxCoopChoices = 20;

    public async Task<Result<IReadOnlyList<UserRow>>> ListUsersAsync(CancellationToken cancellationToken = default)
    {
        if (await audit.ForbiddenUnlessAsync(user.IsOfficer, UserEntity, null, cancellationToken) is { } forbidden)
        {
            return forbidden;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var roles = await (
            from ur in db.UserRoles
            join r in db.Roles on ur.RoleId equals r.Id
            select new { ur.UserId, r.Name }).ToListAsync(cancellationToken);
        var roleOf = roles.GroupBy(r => r.UserId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Name, StringComparer.Ordinal);
        var coops = await db.Coops.AsNoTracking()
            .Where(c => db.Users.Any(u => u.CoopId == c.Id))
            .ToDictionaryAsync(c => c.Id, c => new { c.Code, c.Name }, cancellationToken);
        var users = await db.Users.AsNoTracking().OrderBy(u => u.DisplayName).ToListAsync(cancellationToken);
        return Result.Success<IReadOnlyList<UserRow>>([.. users.Select(u =>
        {
            var coop = u.CoopId is { } id && coops.TryGetValue(id, out var c) ? c : null;
            return new UserRow(u.Id, u.DisplayName, u.Email ?? u.UserName ?? "", roleOf.GetValueOrDefault(u.Id), u.CoopId,
                coop?.Code, coop?.Name, u.IsActive, u.TwoFactorEnabled, u.CreatedAtUtc, u.DeactivatedAtUtc);
        })]);
    }

    /// <summary>Active co-ops matching a code or name fragment, for the liaison pickers.</summary>
    public async Task<Result<IReadOnlyList<CoopChoice>>> FindCoopsAsync(string? text, CancellationToken cancellationToken = default)
    {
        if (await audit.ForbiddenUnlessAsync(user.IsOfficer, UserEntity, null, cancellationToken) is { } forbidden)
        {
            return forbidden;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var coops = db.Coops.AsNoTracking().Where(c => c.IsActive);
        if (!string.IsNullOrWhiteSpace(text))
        {
            var pattern = $"%{text.Trim().Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal)}%";
            coops = coops.Where(c => SearchText.Like(c.Code, pattern) || SearchText.Like(c.Name, pattern));
        }

        return Result.Success<IReadOnlyList<CoopChoice>>(await coops.OrderBy(c => c.Code).Take(MaxCoopChoices)
            .Select(c => new CoopChoice(c.Id, c.Code, c.Name)).ToListAsync(cancellationToken));
    }

    /// <summary>
    /// Ends an account: no sign-in, cookies refused at the next request (new security stamp), live circuits
    /// closed now, personal access tokens revoked.
    /// </summary>
    public async Task<Result> DeactivateAsync(string userId, CancellationToken cancellationToken = default)
    {
        if (await audit.ForbiddenUnlessAsync(user.IsOfficer, UserEntity, userId, cancellationToken) is { } forbidden)
        {
            return forbidden;
        }
        if (string.Equals(userId, user.UserId, StringComparison.Ordinal))
        {
            return AdminRefusal.Of("Users.CannotDeactivateSelf");
        }

        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var account = await users.FindByIdAsync(userId);
        if (account is null)
        {
            return Result.NotFound();
        }

        if (!account.IsActive)
        {
            return AdminRefusal.Of("Users.AlreadyInactive", account.DisplayName);
        }

        account.IsActive = false;
        account.DeactivatedAtUtc = time.GetUtcNow().UtcDateTime;
        var updated = await users.UpdateAsync(account);
        if (updated.Succeeded)
        {
            updated = await users.UpdateSecurityStampAsync(account);
        }

        if (!updated.Succeeded)
        {
            return AdminRefusal.Of(updated.Errors);
        }

        sessions.Terminate(userId);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var tokens = await db.PersonalAccessTokens.Where(t => t.UserId == userId && t.RevokedAtUtc == null).ToListAsync(cancellationToken);
        tokens.ForEach(t => t.RevokedAtUtc = account.DeactivatedAtUtc);
        await audit.SaveChangesAsync(db, new AuditRecord(AuditActions.UserDeactivated, UserEntity, userId, Json(
            ("IsActive", Change(true, false)),
            ("DeactivatedAtUtc", Change(null, account.DeactivatedAtUtc)),
            ("RevokedTokenIds", tokens.Select(t => t.Id).ToArray()))), cancellationToken: cancellationToken);
        return Result.Success();
    }

    /// <summary>Moves a liaison to another co-op; they sign in again so their scope follows at once.</summary>
    public async Task<Result> ChangeCoopAsync(string userId, int coopId, CancellationToken cancellationToken = default)
    {
        if (await audit.ForbiddenUnlessAsync(user.IsOfficer, UserEntity, userId, cancellationToken) is { } forbidden)
        {
            return forbidden;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var target = await db.Coops.AsNoTracking().Where(c => c.Id == coopId).Select(c => new { c.Id, c.Code }).FirstOrDefaultAsync(cancellationToken);
        if (target is null)
        {
            return AdminRefusal.Of("Users.CoopNotFound");
        }

        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var account = await users.FindByIdAsync(userId);
        if (account is null)
        {
            return Result.NotFound();
        }

        if (!await users.IsInRoleAsync(account, AppRoles.CoopLiaison))
        {
            return AdminRefusal.Of("Users.NotLiaison", account.DisplayName);
        }

        if (account.CoopId == coopId)
        {
            return AdminRefusal.Of("Users.SameCoop", account.DisplayName, target.Code);
        }

        var previousId = account.CoopId;
        var previousCode = await db.Coops.Where(c => c.Id == previousId).Select(c => c.Code).FirstOrDefaultAsync(cancellationToken);
        account.CoopId = coopId;
        var updated = await users.UpdateAsync(account);
        if (updated.Succeeded)
        {
            // The co-op travels as a claim: a new stamp makes the old cookie (and its old co-op) invalid.
            updated = await users.UpdateSecurityStampAsync(account);
        }

        if (!updated.Succeeded)
        {
            return AdminRefusal.Of(updated.Errors);
        }

        sessions.Terminate(userId);
        await audit.AppendAsync(new AuditRecord(AuditActions.UserCoopChanged, UserEntity, userId, Json(
            ("CoopId", Change(previousId, coopId)), ("CoopCode", Change(previousCode, target.Code)))), cancellationToken: cancellationToken);
        return Result.Success();
    }
}
