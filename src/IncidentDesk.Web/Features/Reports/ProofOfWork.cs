using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace IncidentDesk.Web.Features.Reports;

/// <summary>A challenge as the form hands it to the browser (ALTCHA's challenge JSON).</summary>
public sealed record PowChallenge(
    [property: JsonPropertyName("algorithm")] string Algorithm,
    [property: JsonPropertyName("challenge")] string Challenge,
    [property: JsonPropertyName("maxnumber")] int MaxNumber,
    [property: JsonPropertyName("salt")] string Salt,
    [property: JsonPropertyName("signature")] string Signature);

/// <summary>What the browser sends back: the challenge and the number it found (ALTCHA's payload, base64 JSON).</summary>
public sealed record PowSolution(
    [property: JsonPropertyName("algorithm")] string? Algorithm,
    [property: JsonPropertyName("challenge")] string? Challenge,
    [property: JsonPropertyName("number")] long Number,
    [property: JsonPropertyName("salt")] string? Salt,
    [property: JsonPropertyName("signature")] string? Signature);

public enum PowVerdict
{
    Valid = 0,
    Missing = 1,
    Malformed = 2,
    Forged = 3,
    Wrong = 4,
    Expired = 5,
    Replayed = 6,
}

/// <summary>
/// The anti-abuse proof-of-work of the public form, in ALTCHA's open format so no third party is involved: the server
/// picks a secret number n, sends SHA-256(salt + n) with an HMAC signature of it, and the browser finds n by trying
/// 0, 1, 2… (about <see cref="DisclosureOptions.ChallengeMaxNumber"/>/2 hashes). The salt carries the expiry, so the
/// signature covers it. A solved challenge is accepted once (kept in memory until it expires). Nothing is asked of the
/// person — no puzzle, no image — so it works with any assistive technology; it costs a script a little CPU per post,
/// and the rate limits do the rest.
/// </summary>
public sealed class ProofOfWork(IOptions<DisclosureOptions> options, TimeProvider time, IMemoryCache used)
{
    public const string Algorithm = "SHA-256";
    private const int MaxPayloadLength = 2048;
    private readonly byte[] _key = KeyOf(options.Value.ChallengeKey);

    public PowChallenge Create()
    {
        var lifetime = TimeSpan.FromMinutes(Math.Max(1, options.Value.ChallengeLifetimeMinutes));
        var expires = time.GetUtcNow().Add(lifetime).ToUnixTimeSeconds();
        var salt = string.Create(CultureInfo.InvariantCulture, $"{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12))}?expires={expires}");
        var maxNumber = Math.Max(1, options.Value.ChallengeMaxNumber);
        var number = RandomNumberGenerator.GetInt32(0, maxNumber + 1);
        var challenge = Sha256Hex(salt + number.ToString(CultureInfo.InvariantCulture));
        return new PowChallenge(Algorithm, challenge, maxNumber, salt, Sign(challenge));
    }

    /// <summary>Checks a payload without accepting it yet: a form refused for another reason may be sent again.</summary>
    public PowVerdict Check(string? payload) => Check(payload, out _);

    /// <summary>Checks a payload and, when valid, marks it used so it cannot be sent a second time.</summary>
    public PowVerdict Consume(string? payload)
    {
        var verdict = Check(payload, out var solution);
        if (verdict != PowVerdict.Valid)
        {
            return verdict;
        }

        var key = "pow:" + solution!.Signature;
        var expires = ExpiresOf(solution.Salt!)!.Value;
        lock (used)
        {
            if (used.TryGetValue(key, out _))
            {
                return PowVerdict.Replayed;
            }

            used.Set(key, true, expires);
        }

        return PowVerdict.Valid;
    }

    private PowVerdict Check(string? payload, out PowSolution? solution)
    {
        solution = null;
        if (string.IsNullOrWhiteSpace(payload))
        {
            return PowVerdict.Missing;
        }

        if (payload.Length > MaxPayloadLength)
        {
            return PowVerdict.Malformed;
        }

        try
        {
            solution = JsonSerializer.Deserialize<PowSolution>(Convert.FromBase64String(payload));
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return PowVerdict.Malformed;
        }

        if (solution is not { Algorithm: Algorithm, Challenge: { } challenge, Salt: { } salt, Signature: { } signature }
            || solution.Number < 0 || ExpiresOf(salt) is not { } expires)
        {
            return PowVerdict.Malformed;
        }

        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(signature), Encoding.ASCII.GetBytes(Sign(challenge))))
        {
            return PowVerdict.Forged;
        }

        if (!string.Equals(Sha256Hex(salt + solution.Number.ToString(CultureInfo.InvariantCulture)), challenge, StringComparison.Ordinal))
        {
            return PowVerdict.Wrong;
        }

        return time.GetUtcNow() >= expires ? PowVerdict.Expired : PowVerdict.Valid;
    }

    private static DateTimeOffset? ExpiresOf(string salt)
    {
        var at = salt.IndexOf("?expires=", StringComparison.Ordinal);
        return at >= 0 && long.TryParse(salt.AsSpan(at + 9), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            && seconds < 253402300799
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;
    }

    private string Sign(string challenge) => Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(challenge)));

    private static string Sha256Hex(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static byte[] KeyOf(string? configured) => configured switch
    {
        null or "" => RandomNumberGenerator.GetBytes(32),
        { Length: < 32 } => throw new InvalidOperationException($"{DisclosureOptions.Section}:ChallengeKey must be at least 32 characters."),
        _ => Encoding.UTF8.GetBytes(configured),
    };

    /// <summary>Solves a challenge as a browser would (tests and the benchmark use it).</summary>
    public static string Solve(PowChallenge challenge)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        for (var n = 0L; n <= challenge.MaxNumber; n++)
        {
            if (Sha256Hex(challenge.Salt + n.ToString(CultureInfo.InvariantCulture)) == challenge.Challenge)
            {
                var solution = new PowSolution(challenge.Algorithm, challenge.Challenge, n, challenge.Salt, challenge.Signature);
                return Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(solution));
            }
        }

        throw new InvalidOperationException("The challenge has no solution.");
    }
}
