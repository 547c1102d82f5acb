using System.Collections.Concurrent;
using System.Security.Claims;

namespace IncidentDesk.Web.Features.Tokens;

/// <summary>
/// The claims a token's owner signs in with (role, co-op, 2FA, name), kept per person while the account row they were built
/// from stays as it was. Building them reads the account, its roles and their claims (six queries); an API client calling
/// many times a second would otherwise pay that on every call. Each call still reads the token and its owner's row, so a
/// revoked or expired token, or a deactivated owner, is refused at once; a change to the account (co-op, name, 2FA, roles
/// — which renew the account's concurrency stamp) changes its <see cref="AccountVersion"/> and the claims are built again.
/// An entry lives at most <see cref="Lifetime"/>, which bounds anything not written through the account's row.
/// </summary>
internal sealed class TokenOwnerClaims(TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    /// <summary>Past this many people the cache starts again: tokens are few, this only bounds the memory.</summary>
    private const int MaxOwners = 10_000;

    private readonly ConcurrentDictionary<string, Entry> _owners = new(StringComparer.Ordinal);

    public IReadOnlyList<Claim>? Find(AccountVersion account)
    {
        ArgumentNullException.ThrowIfNull(account);
        return _owners.TryGetValue(account.UserId, out var entry) && entry.Account == account && entry.BuiltAt + Lifetime > time.GetUtcNow()
            ? entry.Claims
            : null;
    }

    public void Keep(AccountVersion account, IReadOnlyList<Claim> claims)
    {
        ArgumentNullException.ThrowIfNull(account);
        if (_owners.Count >= MaxOwners)
        {
            _owners.Clear();
        }

        _owners[account.UserId] = new Entry(account, [.. claims], time.GetUtcNow());
    }

    private sealed record Entry(AccountVersion Account, IReadOnlyList<Claim> Claims, DateTimeOffset BuiltAt);
}

/// <summary>What a token owner's claims are built from, as their account row says it now.</summary>
internal sealed record AccountVersion(
    string UserId, string? ConcurrencyStamp, string? SecurityStamp, string? UserName, string? Email, string DisplayName,
    int? CoopId, bool TwoFactorEnabled);
