using IncidentDesk.Data;
using IncidentDesk.Data.Identity;
using IncidentDesk.Web.Features.Audit;
using Microsoft.AspNetCore.Identity;
using IncidentDesk.Data.Audit;

namespace IncidentDesk.Web.Operators;

/// <summary>
/// Account changes made from the console: Identity steps and their audit entry commit together or not
/// at all, so a refused step leaves nothing behind (no half-created user, no unaudited change).
/// </summary>
internal sealed class OperatorAccounts(OperatorContext context)
{
    public UserManager<AppUser> Users { get; } = context.Services.GetRequiredService<UserManager<AppUser>>();

    public IncidentDeskDbContext Db { get; } = context.Services.GetRequiredService<IncidentDeskDbContext>();

    public DateTime NowUtc => context.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;

    public Task<AppUser?> FindAsync(string email) => Users.FindByEmailAsync(email);

    /// <summary>
    /// Runs <paramref name="steps"/> in one transaction with the audit entry <paramref name="record"/> builds
    /// (after the steps, so it can name generated ids). Returns the first failure's errors, or null when committed.
    /// </summary>
    public async Task<string?> CommitAsync(
        Func<Task<IdentityResult>> steps, Func<AuditRecord> record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(steps);
        ArgumentNullException.ThrowIfNull(record);
        var audit = context.Services.GetRequiredService<AuditLog>();
        await using var transaction = await audit.BeginTransactionAsync(Db, cancellationToken);
        var result = await steps();
        if (!result.Succeeded)
        {
            return string.Join(" ", result.Errors.Select(e => e.Description));
        }

        await audit.SaveChangesAsync(Db, record(), context.Actor, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return null;
    }

    /// <summary>Runs Identity operations in order and stops at the first that fails.</summary>
    public static async Task<IdentityResult> InOrderAsync(params Func<Task<IdentityResult>>[] operations)
    {
        ArgumentNullException.ThrowIfNull(operations);
        foreach (var operation in operations)
        {
            var result = await operation();
            if (!result.Succeeded)
            {
                return result;
            }
        }

        return IdentityResult.Success;
    }
}
