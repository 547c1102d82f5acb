using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;

namespace IncidentDesk.Data.Identity;

/// <summary>
/// ASP.NET Identity's user store, saving through the named <see cref="UnauditedWrite.IdentityStore"/>: Identity writes
/// counters and stamps on its own schedule (a failed sign-in, a security-stamp refresh); the account services append the
/// event that matters to the audit chain themselves.
/// </summary>
public sealed class DeskUserStore(IncidentDeskDbContext context, IdentityErrorDescriber? describer = null)
    : UserStore<AppUser, IdentityRole, IncidentDeskDbContext>(context, describer)
{
    public override async Task<IdentityResult> CreateAsync(AppUser user, CancellationToken cancellationToken = default)
    {
        using var _ = Context.WriteUnaudited(UnauditedWrite.IdentityStore);
        return await base.CreateAsync(user, cancellationToken);
    }

    public override async Task<IdentityResult> UpdateAsync(AppUser user, CancellationToken cancellationToken = default)
    {
        using var _ = Context.WriteUnaudited(UnauditedWrite.IdentityStore);
        return await base.UpdateAsync(user, cancellationToken);
    }

    public override async Task<IdentityResult> DeleteAsync(AppUser user, CancellationToken cancellationToken = default)
    {
        using var _ = Context.WriteUnaudited(UnauditedWrite.IdentityStore);
        return await base.DeleteAsync(user, cancellationToken);
    }
}

/// <summary>ASP.NET Identity's role store; the three roles are created at start, through the same named unaudited write.</summary>
public sealed class DeskRoleStore(IncidentDeskDbContext context, IdentityErrorDescriber? describer = null)
    : RoleStore<IdentityRole, IncidentDeskDbContext>(context, describer)
{
    public override async Task<IdentityResult> CreateAsync(IdentityRole role, CancellationToken cancellationToken = default)
    {
        using var _ = Context.WriteUnaudited(UnauditedWrite.IdentityStore);
        return await base.CreateAsync(role, cancellationToken);
    }

    public override async Task<IdentityResult> UpdateAsync(IdentityRole role, CancellationToken cancellationToken = default)
    {
        using var _ = Context.WriteUnaudited(UnauditedWrite.IdentityStore);
        return await base.UpdateAsync(role, cancellationToken);
    }

    public override async Task<IdentityResult> DeleteAsync(IdentityRole role, CancellationToken cancellationToken = default)
    {
        using var _ = Context.WriteUnaudited(UnauditedWrite.IdentityStore);
        return await base.DeleteAsync(role, cancellationToken);
    }
}
