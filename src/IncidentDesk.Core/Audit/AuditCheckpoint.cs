using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace IncidentDesk.Core.Audit;

/// <summary>
/// A signed statement of the chain's state at a moment: <see cref="Count"/> entries, the last sealed
/// <see cref="HeadHash"/>, linked to the checkpoint before it. Written outside the database and shipped elsewhere, it is
/// what reveals a deleted tail or a rewritten history: the database cannot take back what a shipped checkpoint signed.
/// Signed with ECDSA P-256 (SHA-256); the public key travels in the file, and verification pins it to the desk's own key.
/// </summary>
public sealed record AuditCheckpoint(
    long Count, string HeadHash, DateTime AtUtc, string PreviousCheckpoint, long LegacyThrough, string Reason)
{
    public const int FormatVersion = 1;

    public string Signature { get; init; } = "";

    public string PublicKey { get; init; } = "";

    /// <summary>The exact text that is signed: one field a line, invariant formats.</summary>
    [JsonIgnore]
    public string Payload => string.Join('\n',
        $"incidentdesk-audit-checkpoint/{FormatVersion}",
        Count.ToString(CultureInfo.InvariantCulture),
        HeadHash,
        AtUtc.ToString("O", CultureInfo.InvariantCulture),
        PreviousCheckpoint,
        LegacyThrough.ToString(CultureInfo.InvariantCulture),
        Reason);

    /// <summary>What the next checkpoint names as its predecessor: SHA-256 of this one's payload and signature.</summary>
    [JsonIgnore]
    public string Digest => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Payload + "\n" + Signature)));

    [JsonIgnore]
    public AuditAnchor Anchor => new(Count, HeadHash, LegacyThrough, AtUtc);

    public AuditCheckpoint SignWith(ECDsa key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return this with
        {
            Signature = Convert.ToBase64String(key.SignData(Encoding.UTF8.GetBytes(Payload), HashAlgorithmName.SHA256)),
            PublicKey = Convert.ToBase64String(key.ExportSubjectPublicKeyInfo()),
        };
    }

    /// <summary>True when the file was signed by <paramref name="expectedPublicKey"/> and not changed since.</summary>
    public bool IsSignedBy(byte[] expectedPublicKey)
    {
        ArgumentNullException.ThrowIfNull(expectedPublicKey);
        try
        {
            var carried = Convert.FromBase64String(PublicKey);
            if (!CryptographicOperations.FixedTimeEquals(carried, expectedPublicKey))
            {
                return false;
            }

            using var key = ECDsa.Create();
            key.ImportSubjectPublicKeyInfo(carried, out _);
            return key.VerifyData(Encoding.UTF8.GetBytes(Payload), Convert.FromBase64String(Signature), HashAlgorithmName.SHA256);
        }
        catch (FormatException)
        {
            return false;
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Reads a checkpoint file; null when it is not one (verification then refuses it by name).</summary>
    public static AuditCheckpoint? FromJson(string json)
    {
        try
        {
            var checkpoint = JsonSerializer.Deserialize<AuditCheckpoint>(json, Json);
            return checkpoint is { HeadHash: not null, PreviousCheckpoint: not null, Reason: not null } ? checkpoint : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
