using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using IncidentDesk.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace IncidentDesk.Web.Security.Sessions;

/// <summary>
/// One record per signed-in browser session, so a session ends on the server and not only in the browser: signing out removes
/// the record, and a captured copy of the cookie is refused at its next request and its circuit ends. The record lives in
/// Identity's token table (no table of its own); the cookie carries only the session's random id.
/// </summary>
/// <remarks>
/// Sessions start before anyone is signed in and are checked while the request's person is still being established, so
/// they are read and written federation-wide: a session record belongs to the account, never to a co-op.
/// </remarks>
public sealed class DeskSessions(FederationWideDb federationDb, TimeProvider time)
{
    public const string Claim = "incidentdesk:session";
    internal const string Provider = "IncidentDesk.Session";

    /// <summary>However busy, a session is asked to sign in again after a week (the cookie alone slides forever).</summary>
    public static readonly TimeSpan MaximumAge = TimeSpan.FromDays(7);

    public static string? IdOf(ClaimsPrincipal? principal) => principal?.FindFirstValue(Claim);

    /// <summary>Records a new session for the account and answers its id; the account's expired records go at the same time.</summary>
    public async Task<string> StartAsync(string userId, CancellationToken cancellationToken = default)
    {
        var id = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        var now = time.GetUtcNow();
        await using var db = federationDb.CreateDbContext();
        using var _ = db.WriteUnaudited(UnauditedWrite.SessionRecord);
        var expired = Stamp(now - MaximumAge);
#pragma warning disable CA1309 // Runs as SQL, comparing fixed-width ASCII stamps: the database's order is the ordinal one.
        await db.UserTokens
            .Where(t => t.UserId == userId && t.LoginProvider == Provider && string.Compare(t.Value, expired) < 0)
            .ExecuteDeleteAsync(cancellationToken);
#pragma warning restore CA1309
        db.UserTokens.Add(new IdentityUserToken<string> { UserId = userId, LoginProvider = Provider, Name = id, Value = Stamp(now) });
        await db.SaveChangesAsync(cancellationToken);
        return id;
    }

    /// <summary>True while the principal's session has its record and is younger than <see cref="MaximumAge"/>.</summary>
    public async Task<bool> IsActiveAsync(ClaimsPrincipal principal, CancellationToken cancellationToken = default)
    {
        if (principal.FindFirstValue(ClaimTypes.NameIdentifier) is not { } userId || IdOf(principal) is not { } id)
        {
            return false;
        }

        await using var db = federationDb.CreateDbContext();
        var started = await db.UserTokens.AsNoTracking()
            .Where(t => t.UserId == userId && t.LoginProvider == Provider && t.Name == id)
            .Select(t => t.Value).FirstOrDefaultAsync(cancellationToken);
        return started is not null && string.CompareOrdinal(started, Stamp(time.GetUtcNow() - MaximumAge)) >= 0;
    }

    /// <summary>Ends one session (sign-out).</summary>
    public Task EndAsync(string userId, string sessionId, CancellationToken cancellationToken = default) =>
        DeleteAsync(userId, sessionId, cancellationToken);

    /// <summary>Ends every session of the account (sign out everywhere, deactivation).</summary>
    public Task EndAllAsync(string userId, CancellationToken cancellationToken = default) =>
        DeleteAsync(userId, null, cancellationToken);

    private async Task DeleteAsync(string userId, string? sessionId, CancellationToken cancellationToken)
    {
        await using var db = federationDb.CreateDbContext();
        using var _ = db.WriteUnaudited(UnauditedWrite.SessionRecord);
        await db.UserTokens
            .Where(t => t.UserId == userId && t.LoginProvider == Provider && (sessionId == null || t.Name == sessionId))
            .ExecuteDeleteAsync(cancellationToken);
    }

    // Sortable as text, so SQL compares ages without a date column.
    private static string Stamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
}
