using System.Globalization;
using System.Security.Cryptography;
using IncidentDesk.Core.Audit;
using Microsoft.Extensions.Options;

namespace IncidentDesk.Web.Features.Audit.Sealing;

/// <summary>
/// The chain's secrets, kept outside the database: HMAC sealing keys (configuration, or files in the keys folder created
/// owner-only on first run) and the ECDSA P-256 key that signs checkpoints. Rotation adds a key file; old keys stay, since
/// every entry names the key that sealed it.
/// </summary>
public sealed class AuditKeyStore(IOptions<AuditSealingOptions> options, IHostEnvironment environment, TimeProvider time)
{
    private const string KeyExtension = ".key";
    private const string SigningKeyFile = "checkpoint-signing.pem";
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private readonly Lock _gate = new();
    private AuditKeyRing? _ring;
    private ECDsa? _signing;

    public string KeysFolder => Path.GetFullPath(options.Value.KeysFolder, environment.ContentRootPath);

    /// <summary>The ring, loaded once; a desk without any key creates its first one here.</summary>
    public AuditKeyRing Ring
    {
        get
        {
            lock (_gate)
            {
                if (_ring is null)
                {
                    var (keys, current) = Load(createIfNone: true);
                    _ring = new AuditKeyRing(keys, current);
                }

                return _ring;
            }
        }
    }

    /// <summary>Picks up keys another instance or the command line added since (rotation without a restart).</summary>
    public void Refresh()
    {
        lock (_gate)
        {
            var (keys, current) = Load(createIfNone: true);
            if (_ring is null)
            {
                _ring = new AuditKeyRing(keys, current);
            }
            else
            {
                _ring.Update(keys, current);
            }
        }
    }

    /// <summary>
    /// Creates a new sealing key file and makes it the current key of this process; other instances take it at their next
    /// checkpoint tick or restart. Refused while configuration pins the current key.
    /// </summary>
    public string Rotate()
    {
        if (options.Value.CurrentKeyId is { } pinned)
        {
            throw new InvalidOperationException(
                $"IncidentDesk:Audit:CurrentKeyId pins the sealing key to '{pinned}': add the new key to configuration and change that setting instead.");
        }

        lock (_gate)
        {
            var id = CreateKeyFile();
            var (keys, current) = Load(createIfNone: false);
            if (_ring is null)
            {
                _ring = new AuditKeyRing(keys, current);
            }
            else
            {
                _ring.Update(keys, current);
            }

            return id;
        }
    }

    /// <summary>The checkpoint signing key: configuration's PEM, or the key file (created on first use, owner-only).</summary>
    public ECDsa SigningKey
    {
        get
        {
            lock (_gate)
            {
                return _signing ??= LoadSigningKey();
            }
        }
    }

    public byte[] SigningPublicKey => SigningKey.ExportSubjectPublicKeyInfo();

    private (List<AuditSealKey> Keys, string Current) Load(bool createIfNone)
    {
        var keys = new Dictionary<string, AuditSealKey>(StringComparer.Ordinal);
        foreach (var (id, secret) in options.Value.Keys)
        {
            keys[id] = new AuditSealKey(id, Convert.FromBase64String(secret));
        }

        if (Directory.Exists(KeysFolder))
        {
            foreach (var file in Directory.EnumerateFiles(KeysFolder, "*" + KeyExtension))
            {
                var id = Path.GetFileNameWithoutExtension(file);
                keys.TryAdd(id, new AuditSealKey(id, Convert.FromBase64String(File.ReadAllText(file).Trim())));
            }
        }

        if (keys.Count == 0)
        {
            if (!createIfNone)
            {
                throw new InvalidOperationException("No audit sealing key found.");
            }

            CreateKeyFile();
            return Load(createIfNone: false);
        }

        var current = options.Value.CurrentKeyId ?? keys.Keys.Max(StringComparer.Ordinal)!;
        return (keys.Values.ToList(), current);
    }

    /// <summary>A new key file named by its creation time, so the newest id sorts last.</summary>
    private string CreateKeyFile()
    {
        EnsureFolder(KeysFolder);
        var now = time.GetUtcNow().UtcDateTime;
        for (var attempt = 0; ; attempt++)
        {
            var id = "k" + now.ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture) + (attempt == 0 ? "" : $"-{attempt}");
            try
            {
                WriteOwnerOnly(Path.Combine(KeysFolder, id + KeyExtension),
                    Convert.ToBase64String(RandomNumberGenerator.GetBytes(AuditSealKey.SecretBytes)));
                return id;
            }
            catch (IOException) when (attempt < 100 && File.Exists(Path.Combine(KeysFolder, id + KeyExtension)))
            {
                // Another process created a key in the same millisecond: take the next name.
            }
        }
    }

    private ECDsa LoadSigningKey()
    {
        var key = ECDsa.Create();
        if (options.Value.CheckpointSigningKey is { } pem)
        {
            key.ImportFromPem(pem);
            return key;
        }

        var file = Path.Combine(KeysFolder, SigningKeyFile);
        if (!File.Exists(file))
        {
            EnsureFolder(KeysFolder);
            using var created = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            try
            {
                WriteOwnerOnly(file, created.ExportPkcs8PrivateKeyPem());
            }
            catch (IOException) when (File.Exists(file))
            {
                // Another instance sharing the folder created it first: use theirs.
            }
        }

        key.ImportFromPem(File.ReadAllText(file));
        return key;
    }

    private static void EnsureFolder(string folder)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
        }
        else
        {
            Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    private static void WriteOwnerOnly(string path, string text)
    {
        var mode = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            mode.UnixCreateMode = OwnerOnly;
        }

        using var stream = new FileStream(path, mode);
        using var writer = new StreamWriter(stream);
        writer.Write(text);
    }
}
