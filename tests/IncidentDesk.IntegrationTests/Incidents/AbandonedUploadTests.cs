using IncidentDesk.Testing;

namespace IncidentDesk.IntegrationTests.Incidents;

/// <summary>
/// A process killed mid-upload leaves the start of someone's evidence in a <c>*.part</c> file. The app deletes such
/// leftovers when it starts (and every few hours), but never a kept file nor an upload still being written.
/// </summary>
public sealed class AbandonedUploadTests
{
    [Fact]
    public async Task On_start_the_app_deletes_hour_old_partial_uploads_and_keeps_kept_files_and_fresh_uploads()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = new IncidentDeskHost();
        var folder = Directory.CreateDirectory(Path.Combine(host.DataFolder, "evidence")).FullName;
        var abandoned = Path.Combine(folder, "0123456789abcdef0123456789abcdef.part");
        var receiving = Path.Combine(folder, "fedcba9876543210fedcba9876543210.part");
        var kept = Path.Combine(folder, "00112233445566778899aabbccddeeff");
        foreach (var path in new[] { abandoned, receiving, kept })
        {
            await File.WriteAllTextAsync(path, "%PDF-1.4 laudo de exame (início)", ct);
        }

        File.SetLastWriteTimeUtc(abandoned, DateTime.UtcNow.AddHours(-2));
        File.SetLastWriteTimeUtc(kept, DateTime.UtcNow.AddDays(-30));

        host.Start();

        var patience = DateTime.UtcNow.AddSeconds(15);
        while (File.Exists(abandoned) && DateTime.UtcNow < patience)
        {
            await Task.Delay(50, ct); // the first sweep runs as the app starts, beside it
        }

        Assert.False(File.Exists(abandoned), "the hour-old partial upload is still there");
        Assert.True(File.Exists(receiving), "an upload still being written was deleted");
        Assert.True(File.Exists(kept), "a kept evidence file was deleted");
    }
}
