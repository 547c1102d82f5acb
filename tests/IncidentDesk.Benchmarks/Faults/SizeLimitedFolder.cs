using System.Diagnostics;

namespace IncidentDesk.Benchmarks.Faults;

/// <summary>
/// A small tmpfs mounted over a folder (<c>mount -t tmpfs -o size=…</c>, root only): a data folder that really runs out of
/// space, for SQLite and for evidence files alike. Unmounted when disposed, whatever the test did.
/// </summary>
internal sealed class SizeLimitedFolder : IDisposable
{
    private SizeLimitedFolder(string path) => Path = path;

    public string Path { get; }

    public static SizeLimitedFolder Mount(string path, int megabytes)
    {
        Run("mount", "-t", "tmpfs", "-o", $"size={megabytes}m,mode=0700", "tmpfs", path);
        return new SizeLimitedFolder(path);
    }

    /// <summary>Writes a filler file until the file system refuses another byte; returns its path.</summary>
    public string Fill()
    {
        var filler = System.IO.Path.Combine(Path, "filler.bin");
        var block = new byte[64 * 1024];
        using var stream = new FileStream(filler, FileMode.Create, FileAccess.Write, FileShare.None, 1);
        try
        {
            while (true)
            {
                stream.Write(block);
            }
        }
        catch (IOException)
        {
            // No space left: what the filler is for. Top up byte by byte, so not even a partial block remains free.
            for (var spare = 4096; spare > 0; spare /= 2)
            {
                try
                {
                    stream.Write(block.AsSpan(0, spare));
                }
                catch (IOException)
                {
                }
            }
        }

        return filler;
    }

    public void Dispose() => Run("umount", "--lazy", Path);

    private static void Run(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', args)} failed ({process.ExitCode}): {error}");
        }
    }
}
