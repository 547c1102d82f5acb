using System.Globalization;
using System.Text.Json;
using IncidentDesk.Data;
using IncidentDesk.Data.Identity;
using IncidentDesk.Web.Features.Audit;
using IncidentDesk.Web.Security;
using Microsoft.EntityFrameworkCore;
using IncidentDesk.Data.Audit;
using IncidentDesk.Web.Outcomes;

namespace IncidentDesk.Web.Features.Tokens;

public enum TokenStatus
{
    Active,
    Expired,
    Revoked,
}

public enum TokenInputError
{
    NameRequired,
    NameTooLong,
    ValidityOutOfRange,
}

public sealed record TokenRow(
    int Id, string Name, string Prefix, DateTime CreatedAtUtc, DateTime ExpiresAtUtc,
    DateTime? LastUsedAtUtc, DateTime? RevokedAtUtc, TokenStatus Status);

/// <summary>The only place the secret ever exists after creation: show it once, never store or log it.</summary>
public sealed record CreatedToken(string Secret, TokenRow Token);

/// <summary>
/// Personal access tokens for the API. A token acts as its owner (same role, same co-op); the secret is
/// returned once and only its SHA-256 is stored. People manage their own tokens; an officer may revoke anyone's.
/// </summary>
public sealed class PersonalAccessTokenService(
    IDbContextFactory<IncidentDeskDbContext> dbFactory, CurrentUser user, AuditLog audit, TimeProvider time)
{
    public const int MaxNameLength = 100;
    public const int MinValidityDays = 1;
    public const int MaxValidityDays = 365;
    public const int DefaultValidityDays = 90;
    private const string EntityType = nameof(PersonalAccessToken);

    public static TokenInputError? Validate(string? name, int expiresInDays) =>
        string.IsNullOrWhiteSpace(name) ? TokenInputError.NameRequired
        : name.Trim().Length > MaxNameLength ? TokenInputError.NameTooLong
        : expiresInDays is < MinValidityDays or > MaxValidityDays ? TokenInputError.ValidityOutOfRange
        : null;

    /// <summary>A new token for the signed-in person; Forbidden for anyone not signed in as their role requires.</summary>
    public async Task<Result<CreatedToken>> CreateAsync(string name, int expiresInDays = DefaultValidityDays, CancellationToken cancellationToken = default)
    {
        // A session still owing its 2FA enrolment must not mint a credential that skips it.
        if (user.UserId is not { } userId || TwoFactorEnrolledRequirement.IsPending(user.Principal))
        {
            return Result.Forbidden();
        }

        return Result.Success(await CreateCoreAsync(userId, name, expiresInDays, actor: null, cancellationToken));
    }

    /// <summary>
    /// A new token for any active person, for the operators' command line (shell access to the server is the
    /// authorization; this path is not reachable over HTTP). <paramref name="actor"/> is who ran the command.
    /// </summary>
    public Task<CreatedToken> CreateForUserAsync(
        string userId, string name, int expiresInDays, AuditActor actor, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        ArgumentNullException.ThrowIfNull(actor);
        return CreateCoreAsync(userId, name, expiresInDays, actor, cancellationToken);
    }

    public async Task<IReadOnlyList<TokenRow>> ListMineAsync(CancellationToken cancellationToken = default)
    {
        if (user.UserId is not { } userId)
        {
            return [];
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var tokens = await db.PersonalAccessTokens.AsNoTracking()
            .Where(t => t.UserId == userId)
            .OrderByDescending(t => t.CreatedAtUtc).ThenByDescending(t => t.Id)
            .ToListAsync(cancellationToken);
        var now = Now();
        return [.. tokens.Select(t => ToRow(t, now))];
    }

    /// <summary>
    /// Revokes one of the caller's tokens (an officer: anyone's). False when there is no such token the caller
    /// may touch — another person's token answers exactly like a missing one, and the attempt is audited.
    /// </summary>
    public async Task<bool> RevokeAsync(int id, CancellationToken cancellationToken = default)
    {
        if (user.UserId is not { } userId)
        {
            return false;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var token = await db.PersonalAccessTokens.FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (token is null)
        {
            return false;
        }

        if (token.UserId != userId && !user.IsOfficer)
        {
            await audit.DeniedAsync(EntityType, Id(token.Id), cancellationToken);
            return false;
        }

        if (token.RevokedAtUtc is not null)
        {
            return true;
        }

        token.RevokedAtUtc = Now();
        await audit.SaveChangesAsync(db, new AuditRecord(AuditActions.TokenRevoked, EntityType, Id(token.Id),
            Describe(token)), cancellationToken: cancellationToken);
        return true;
    }

    private async Task<CreatedToken> CreateCoreAsync(
        string userId, string name, int expiresInDays, AuditActor? actor, CancellationToken cancellationToken)
    {
        if (Validate(name, expiresInDays) is { } error)
        {
            throw new ArgumentException($"Invalid token: {error}.", nameof(name));
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var owner = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (owner is null || !owner.IsActive)
        {
            throw new InvalidOperationException("A token can only be created for an existing, active account.");
        }

        var secret = AccessTokenSecrets.NewToken();
        var now = Now();
        var token = new PersonalAccessToken
        {
            UserId = userId,
            Name = name.Trim(),
            TokenHash = AccessTokenSecrets.Hash(secret),
            Prefix = AccessTokenSecrets.DisplayPrefix(secret),
            CreatedAtUtc = now,
            ExpiresAtUtc = now.AddDays(expiresInDays),
        };
        db.PersonalAccessTokens.Add(token);

        // The new row's id exists only after the insert, and the audit entry is sealed in the same transaction
        // before that; the entry is therefore filed under the owner, with the prefix that tells the token apart.
        await audit.SaveChangesAsync(db, new AuditRecord(AuditActions.TokenCreated, "User", userId, Describe(token)), actor, cancellationToken);
        return new CreatedToken(secret, ToRow(token, now));
    }

    // Never the secret nor its hash: name, prefix and validity are what an auditor needs.
    private static string Describe(PersonalAccessToken token) => JsonSerializer.Serialize(new
    {
        token.UserId,
        token.Name,
        token.Prefix,
        token.ExpiresAtUtc,
        token.RevokedAtUtc,
    });

    private static TokenRow ToRow(PersonalAccessToken t, DateTime now) => new(
        t.Id, t.Name, t.Prefix, t.CreatedAtUtc, t.ExpiresAtUtc, t.LastUsedAtUtc, t.RevokedAtUtc,
        t.RevokedAtUtc is not null ? TokenStatus.Revoked : t.ExpiresAtUtc <= now ? TokenStatus.Expired : TokenStatus.Active);

    private DateTime Now() => time.GetUtcNow().UtcDateTime;

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}
