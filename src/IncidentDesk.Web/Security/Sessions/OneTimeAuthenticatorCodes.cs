using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using IncidentDesk.Data;
using IncidentDesk.Data.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace IncidentDesk.Web.Security.Sessions;

/// <summary>
/// Authenticator (TOTP, RFC 6238) codes, each time-step accepted once per account: a code seen over a shoulder or replayed
/// from a captured request does not sign anyone in a second time. The same window as Identity's own provider (two steps
/// either side, for clocks that drift); the last step used is kept beside the account's authenticator key.
/// </summary>
internal sealed class OneTimeAuthenticatorCodes(FederationWideDb federationDb, TimeProvider time) : IUserTwoFactorTokenProvider<AppUser>
{
    // Beside, not among, the session records: those are pruned by age.
    internal const string Provider = "IncidentDesk.Authenticator";
    internal const string LastStepName = "LastStep";
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(30);

    public Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<AppUser> manager, AppUser user) =>
        new AuthenticatorTokenProvider<AppUser>().CanGenerateTwoFactorTokenAsync(manager, user);

    public Task<string> GenerateAsync(string purpose, UserManager<AppUser> manager, AppUser user) => Task.FromResult(string.Empty);

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<AppUser> manager, AppUser user)
    {
        ArgumentNullException.ThrowIfNull(manager);
        ArgumentNullException.ThrowIfNull(user);
        if (await manager.GetAuthenticatorKeyAsync(user) is not { Length: > 0 } key
            || !int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var code))
        {
            return false;
        }

        var secret = FromBase32(key);
        var now = time.GetUtcNow().ToUnixTimeSeconds() / (long)Step.TotalSeconds;
        for (var offset = -2; offset <= 2; offset++)
        {
            if (Code(secret, now + offset) == code)
            {
                return await ClaimStepAsync(user.Id, now + offset);
            }
        }

        return false;
    }

    /// <summary>True when no code of this step or a later one was used by the account before; the step is then taken.</summary>
    private async Task<bool> ClaimStepAsync(string userId, long step)
    {
        // Fixed width, so the stored text orders like the number and the check-and-take is one conditional statement.
        var value = step.ToString("D20", CultureInfo.InvariantCulture);
        // Before the sign-in completes nobody is acting yet; the step belongs to the account, not to a co-op.
        await using var db = await federationDb.CreateDbContextAsync();
        using var _ = db.WriteUnaudited(UnauditedWrite.SessionRecord);
#pragma warning disable CA1309 // Runs as SQL, comparing fixed-width digits: the database's order is the numeric one.
        var taken = await db.UserTokens
            .Where(t => t.UserId == userId && t.LoginProvider == Provider && t.Name == LastStepName
                && string.Compare(t.Value, value) < 0)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.Value, value));
#pragma warning restore CA1309
        if (taken == 1)
        {
            return true;
        }

        if (await db.UserTokens.AnyAsync(t => t.UserId == userId && t.LoginProvider == Provider && t.Name == LastStepName))
        {
            return false;
        }

        try
        {
            db.UserTokens.Add(new IdentityUserToken<string> { UserId = userId, LoginProvider = Provider, Name = LastStepName, Value = value });
            await db.SaveChangesAsync();
            return true;
        }
        catch (DbUpdateException)
        {
            // A simultaneous first use of the same account took the step first.
            return false;
        }
    }

    private static int Code(byte[] secret, long step)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
#pragma warning disable CA5350 // HMAC-SHA1 is what RFC 6238 authenticator apps compute.
        var hash = HMACSHA1.HashData(secret, counter);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0F;
        var binary = ((hash[offset] & 0x7F) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return binary % 1_000_000;
    }

    private static byte[] FromBase32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var output = new List<byte>(text.Length * 5 / 8);
        int buffer = 0, bits = 0;
        foreach (var c in text.ToUpperInvariant())
        {
            var value = alphabet.IndexOf(c, StringComparison.Ordinal);
            if (value < 0)
            {
                continue;
            }

            buffer = ((buffer << 5) | value) & 0xFFFF;
            bits += 5;
            if (bits >= 8)
            {
                output.Add((byte)(buffer >> (bits - 8)));
                bits -= 8;
            }
        }

        return [.. output];
    }
}
