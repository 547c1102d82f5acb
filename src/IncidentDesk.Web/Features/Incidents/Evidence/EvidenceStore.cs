using System.Buffers;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace IncidentDesk.Web.Features.Incidents.Evidence;

/// <summary>An upload received into the store's folder but not yet kept: either kept (moved) or deleted, never left.</summary>
public sealed record StagedFile(string Path, long SizeBytes, string Sha256);

/// <summary>
/// The folder that holds evidence files. It lies outside the web root and files in it have random names
/// (32 hex digits, no extension), so nothing there is reachable by URL and nothing a user typed ever becomes a path;
/// only <see cref="EvidenceService"/> opens them, after authorizing the caller.
/// </summary>
public sealed partial class EvidenceStore(IOptions<IncidentDeskOptions> options, IWebHostEnvironment environment)
{
    private const string PartialSuffix = ".part";

    /// <summary>The absolute folder, created on demand; refused when configured inside the web root.</summary>
    public string Folder
    {
        get
        {
            var folder = Path.GetFullPath(options.Value.EvidenceFolder, environment.ContentRootPath);
            // The default web root is checked too: WebRootPath is null when static assets come only from the build manifest.
            string?[] webRoots = [environment.WebRootPath, Path.Combine(environment.ContentRootPath, "wwwroot")];
            if (webRoots.Any(root => !string.IsNullOrEmpty(root) && IsInside(folder, Path.GetFullPath(root))))
            {
                throw new InvalidOperationException("IncidentDesk:EvidenceFolder must not lie inside the web root.");
            }

            // Only the service's own account may list or read the files, whatever the service's umask says.
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(folder);
            }
            else
            {
                Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }

            return folder;
        }
    }

    // Created readable and writable by the service's account alone (0600), not left to the umask: evidence is personal data.
    private static FileStreamOptions OwnerOnly
    {
        get
        {
            var options = new FileStreamOptions
            {
                Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None, BufferSize = 81920, Options = FileOptions.Asynchronous,
            };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            return options;
        }
    }

    /// <summary>
    /// Copies the upload into a temporary file while hashing and counting it. Past <paramref name="maxBytes"/> the copy
    /// stops, the temporary file is deleted and null is returned. Any failure deletes it too.
    /// </summary>
    public async Task<StagedFile?> StageAsync(Stream content, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var path = Path.Combine(Folder, NewName() + PartialSuffix);
        var buffer = ArrayPool<byte>.Shared.Rent(81920);
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            long total = 0;
            await using (var target = new FileStream(path, OwnerOnly))
            {
                int read;
                while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    total += read;
                    if (total > maxBytes)
                    {
                        break;
                    }

                    hash.AppendData(buffer, 0, read);
                    await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }
            }

            if (total > maxBytes)
            {
                TryDelete(path);
                return null;
            }

            return new StagedFile(path, total, Convert.ToHexStringLower(hash.GetHashAndReset()));
        }
        catch
        {
            TryDelete(path);
            throw;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Opens a staged file for the signature check.</summary>
    public static FileStream OpenStaged(StagedFile staged) =>
        new(staged.Path, FileMode.Open, FileAccess.Read, FileShare.Read);

    /// <summary>Gives a staged file its permanent generated name and returns that name.</summary>
    public string Keep(StagedFile staged)
    {
        var name = NewName();
        File.Move(staged.Path, Path.Combine(Folder, name));
        return name;
    }

    /// <summary>Opens a kept file, or null when the name is not one of ours or the file is gone.</summary>
    public Stream? OpenRead(string? storedName)
    {
        if (storedName is null || !StoredNamePattern().IsMatch(storedName))
        {
            return null;
        }

        try
        {
            return new FileStream(Path.Combine(Folder, storedName), FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
        }
        catch (FileNotFoundException)
        {
            return null;
        }
    }

    public void Discard(StagedFile staged) => TryDelete(staged.Path);

    /// <summary>
    /// Deletes the partial uploads last written before <paramref name="olderThanUtc"/>: what a process killed mid-upload
    /// left behind. They are never listed or served, but they hold the start of someone's evidence file.
    /// </summary>
    /// <returns>How many were deleted.</returns>
    public int DeleteAbandonedUploads(DateTime olderThanUtc)
    {
        var deleted = 0;
        foreach (var path in Directory.EnumerateFiles(Folder, "*" + PartialSuffix))
        {
            if (File.GetLastWriteTimeUtc(path) < olderThanUtc && TryDelete(path))
            {
                deleted++;
            }
        }

        return deleted;
    }

    public void Delete(string storedName)
    {
        if (StoredNamePattern().IsMatch(storedName))
        {
            TryDelete(Path.Combine(Folder, storedName));
        }
    }

    private static string NewName() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    private static bool IsInside(string path, string folder)
    {
        var root = folder.EndsWith(Path.DirectorySeparatorChar) ? folder : folder + Path.DirectorySeparatorChar;
        return path.Equals(folder, StringComparison.Ordinal) || path.StartsWith(root, StringComparison.Ordinal);
    }

    private static bool TryDelete(string path)
    {
        try
        {
            File.Delete(path);
            return true;
        }
        catch (IOException)
        {
            // Nothing else can be done here; a leftover *.part is never listed or served, and the sweeper tries again.
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false; // Same as above.
        }
    }

    [GeneratedRegex("^[0-9a-f]{32}$", RegexOptions.CultureInvariant)]
    private static partial Regex StoredNamePattern();
}
