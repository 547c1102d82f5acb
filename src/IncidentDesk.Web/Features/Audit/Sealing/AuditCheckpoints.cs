using System.Globalization;
using IncidentDesk.Core.Audit;
using IncidentDesk.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IncidentDesk.Web.Features.Audit.Sealing;

/// <summary>Why a checkpoint was not written.</summary>
public sealed class CheckpointRefusedException(string message) : InvalidOperationException(message);

/// <summary>
/// Writes and reads the signed checkpoints (<see cref="AuditCheckpoint"/>), one file each in the checkpoints folder, named
/// so that they sort by time. A new checkpoint names the previous one's digest, and is refused when the chain no longer
/// holds the head the previous one signed: a checkpoint never papers over a rollback, except the one a restore declares.
/// </summary>
public sealed class AuditCheckpoints(
    IOptions<AuditSealingOptions> options, IHostEnvironment environment, AuditKeyStore keys, FederationWideDb chainDb, TimeProvider time)
{
    public const string PublicKeyFile = "checkpoint-signing-public.pem";
    private const string Prefix = "checkpoint-";

    public string Folder => Path.GetFullPath(options.Value.CheckpointsFolder, environment.ContentRootPath);

    /// <summary>
    /// Signs the chain's current head. Null when <paramref name="onlyIfGrown"/> and nothing was appended since the last one.
    /// </summary>
    /// <param name="rolledBack">A restore put an older copy back: the new checkpoint records it instead of refusing.</param>
    public async Task<(AuditCheckpoint Checkpoint, string Path)?> WriteAsync(
        string reason, bool onlyIfGrown = false, bool rolledBack = false, CancellationToken cancellationToken = default)
    {
        var latest = ReadLatest(Folder)?.Checkpoint;
        if (latest is not null && !latest.IsSignedBy(keys.SigningPublicKey))
        {
            throw new CheckpointRefusedException("the newest checkpoint in the folder is not signed by this desk's key; run audit verify");
        }

        await using var db = await chainDb.CreateDbContextAsync(cancellationToken);
        var entries = db.AuditEntries.AsNoTracking();
        var head = await entries.OrderByDescending(e => e.Sequence).Select(e => new { e.Sequence, e.Hash }).FirstOrDefaultAsync(cancellationToken);
        var count = head?.Sequence ?? 0;
        var headHash = head?.Hash ?? AuditChain.GenesisHash;
        if (latest is not null && !rolledBack)
        {
            var signedHead = latest.Count == 0 ? AuditChain.GenesisHash
                : await entries.Where(e => e.Sequence == latest.Count).Select(e => e.Hash).FirstOrDefaultAsync(cancellationToken);
            if (signedHead != latest.HeadHash)
            {
                throw new CheckpointRefusedException(
                    $"the chain no longer holds the head the checkpoint of {latest.AtUtc:yyyy-MM-dd HH:mm:ss} UTC signed " +
                    $"(sequence {latest.Count}); run audit verify");
            }

            if (onlyIfGrown && latest.Count == count)
            {
                return null;
            }
        }

        // The legacy boundary is fixed by the first checkpoint and carried forward: later unkeyed entries cannot move it.
        var legacyThrough = latest?.LegacyThrough
            ?? (await entries.Where(e => e.KeyId != null).MinAsync(e => (long?)e.Sequence, cancellationToken) is { } firstKeyed
                ? firstKeyed - 1
                : count);
        var now = time.GetUtcNow().UtcDateTime;
        var checkpoint = new AuditCheckpoint(count, headHash, now, latest?.Digest ?? "", legacyThrough, reason)
            .SignWith(keys.SigningKey);
        Directory.CreateDirectory(Folder);
        var publicKey = Path.Combine(Folder, PublicKeyFile);
        if (!File.Exists(publicKey))
        {
            await File.WriteAllTextAsync(publicKey, keys.SigningKey.ExportSubjectPublicKeyInfoPem(), cancellationToken);
        }

        var path = Path.Combine(Folder, string.Create(CultureInfo.InvariantCulture,
            $"{Prefix}{now:yyyyMMdd'T'HHmmssfff'Z'}-{count:D10}.json"));
        await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write))
        await using (var writer = new StreamWriter(file))
        {
            await writer.WriteAsync(checkpoint.ToJson());
        }

        return (checkpoint, path);
    }

    /// <summary>The newest checkpoint in a folder (by name, which sorts by time), or null when there is none.</summary>
    public static (AuditCheckpoint Checkpoint, string Path)? ReadLatest(string folder)
    {
        if (!Directory.Exists(folder))
        {
            return null;
        }

        var newest = Directory.EnumerateFiles(folder, Prefix + "*.json").Max(StringComparer.Ordinal);
        return newest is null ? null : Read(newest) is { } checkpoint ? (checkpoint, newest) : null;
    }

    /// <summary>A checkpoint file, or the newest one in a folder; null when there is none or it is not a checkpoint.</summary>
    public static (AuditCheckpoint Checkpoint, string Path)? ReadFrom(string fileOrFolder) =>
        Directory.Exists(fileOrFolder) ? ReadLatest(fileOrFolder)
        : File.Exists(fileOrFolder) && Read(fileOrFolder) is { } checkpoint ? (checkpoint, fileOrFolder)
        : null;

    private static AuditCheckpoint? Read(string path) => AuditCheckpoint.FromJson(File.ReadAllText(path));
}
