using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace IncidentDesk.Web.Features.Tokens;

/// <summary>
/// Secrets for personal access tokens and invitation links: 256 random bits, shown once, stored only as
/// SHA-256 (a slow hash adds nothing against a secret of that entropy).
/// </summary>
public static class AccessTokenSecrets
{
    public const string TokenPrefix = "idk_";

    /// <summary>A new personal access token, e.g. <c>idk_3q2+…</c>.</summary>
    public static string NewToken() => TokenPrefix + NewSecret();

    /// <summary>A URL-safe random secret (invitation links, setup links).</summary>
    public static string NewSecret() => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string secret) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    /// <summary>What a person sees to tell tokens apart: the first characters after the prefix.</summary>
    public static string DisplayPrefix(string token) => token[..Math.Min(token.Length, TokenPrefix.Length + 6)];
}
