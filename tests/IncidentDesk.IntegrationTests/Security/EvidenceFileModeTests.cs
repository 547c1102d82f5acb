using IncidentDesk.IntegrationTests.Incidents;
using IncidentDesk.Testing;
using IncidentDesk.Web.Features.Incidents.Evidence;
using IncidentDesk.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentDesk.IntegrationTests.Security;

/// <summary>Evidence is personal data: the app itself creates each file readable by the service's account only, whatever the umask.</summary>
public sealed class EvidenceFileModeTests(OwnHostFixture fixture) : IClassFixture<OwnHostFixture>
{
    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task An_uploaded_evidence_file_is_created_0600_in_a_folder_only_the_service_may_enter()
    {
        var officer = await TestAccounts.CreateAsync(fixture.Host, AppRoles.PrivacyOfficer);
        var bytes = EvidenceUploadTests.SmallPdf(Guid.NewGuid().ToString("N"));
        int evidenceId;
        await using (var scope = await fixture.Host.ActingAsAsync(officer))
        {
            var result = await scope.ServiceProvider.GetRequiredService<EvidenceService>().AddFileAsync(
                await fixture.ReferenceIncidentIdAsync(), "Relatório", null, false, "relatorio.pdf", new MemoryStream(bytes), bytes.Length,
                TestContext.Current.CancellationToken);
            Assert.True(result.Succeeded, string.Join(", ", result.Errors));
            evidenceId = result.Value;
        }

        await using var db = fixture.CreateDb();
        var stored = await db.Evidence.AsNoTracking().SingleAsync(e => e.Id == evidenceId, TestContext.Current.CancellationToken);
        var folder = fixture.Host.Services.GetRequiredService<EvidenceStore>().Folder;
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(folder, stored.StoredName!)));
        Assert.Equal(UnixFileMode.None, File.GetUnixFileMode(folder) & (UnixFileMode.OtherRead | UnixFileMode.OtherExecute | UnixFileMode.GroupRead));
    }
}
