using IncidentDesk.Data;
using IncidentDesk.Core.Audit;
using IncidentDesk.Data.Audit;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace IncidentDesk.Testing;

/// <summary>
/// Data a test puts in place before the person under test acts. It is saved the only way the desk saves anything — onto
/// the audit chain — under an actor that says what it is, so a test can never arrange what the app could not write.
/// </summary>
public static class ArrangedData
{
    public static readonly AuditActor Actor = new(null, "test arrangement");

    public static Task SaveArrangedAsync(this IncidentDeskDbContext db, CancellationToken cancellationToken = default) =>
        TrailOf(db).SaveChangesAsync(db, Actor, new AuditRecord("Test.Arranged"), cancellationToken);

    public static void SaveArranged(this IncidentDeskDbContext db) => db.SaveArrangedAsync().GetAwaiter().GetResult();

    /// <summary>A bulk change (ExecuteUpdate, ExecuteDelete) made in place, as one audited unit of work.</summary>
    public static async Task ArrangeAsync(this IncidentDeskDbContext db, Func<IncidentDeskDbContext, Task> change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        var trail = TrailOf(db);
        await using var transaction = await trail.BeginTransactionAsync(db, cancellationToken);
        await change(db);
        await trail.SaveChangesAsync(db, Actor, new AuditRecord("Test.Arranged"), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// The app's own trail when the context comes from a running app (its sealing key, its single-writer gate); a trail with a
    /// throwaway key for a database a component test made by itself, where no app verifies the chain.
    /// </summary>
    private static AuditTrail TrailOf(IncidentDeskDbContext db) =>
        db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider?.GetService(typeof(AuditTrail)) as AuditTrail
        ?? StandAlone.Value;

    private static readonly Lazy<AuditTrail> StandAlone = new(() => new AuditTrail(new AuditWriter(), TimeProvider.System,
        new AuditKeyRing([new AuditSealKey("test", System.Security.Cryptography.RandomNumberGenerator.GetBytes(AuditSealKey.SecretBytes))], "test")));
}
