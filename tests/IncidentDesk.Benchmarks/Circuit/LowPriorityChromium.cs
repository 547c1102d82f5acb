using System.Globalization;
using Microsoft.Playwright;

namespace IncidentDesk.Benchmarks.Circuit;

/// <summary>
/// <c>--browser-nice N</c>: the officers' Chromium processes at a lower CPU priority (<c>nice -n N</c>) than the server.
/// On one machine fifty browsers painting every change take most of the cores the server needs to send the next batches;
/// people's browsers run on their own machines. With this option the server-side figures come closer to that case — they
/// are then no longer what this machine gives with everything at the same priority, and the output says so.
/// </summary>
internal sealed class LowPriorityChromium : IDisposable
{
    private readonly string _folder;

    private LowPriorityChromium(string folder, string launcher)
    {
        _folder = folder;
        Launcher = launcher;
    }

    /// <summary>A script that starts the machine's Chromium under <c>nice</c>; Playwright starts it as it would Chromium.</summary>
    public string Launcher { get; }

    public static LowPriorityChromium Create(int niceness)
    {
        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException("--browser-nice starts Chromium through nice(1), on Linux only.");
        }

        if (niceness is < 1 or > 19)
        {
            throw new ArgumentOutOfRangeException(nameof(niceness), niceness, "--browser-nice takes 1 to 19.");
        }

        var folder = Directory.CreateTempSubdirectory("idk-nice-chromium-").FullName;
        var launcher = Path.Combine(folder, "chromium");
        File.WriteAllText(launcher, string.Create(CultureInfo.InvariantCulture,
            $"#!/bin/sh\nexec nice -n {niceness} '{IncidentDesk.Testing.TestServers.Chromium}' \"$@\"\n"));
        File.SetUnixFileMode(launcher, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return new LowPriorityChromium(folder, launcher);
    }

    public Task<IBrowser> LaunchAsync(IPlaywright playwright) => playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
    {
        ExecutablePath = Launcher,
        Args = ["--no-sandbox"],
    });

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
