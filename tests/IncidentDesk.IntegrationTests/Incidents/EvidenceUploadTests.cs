using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using IncidentDesk.Core.Incidents;
using IncidentDesk.Core.Timeline;
using IncidentDesk.Testing;
using IncidentDesk.Web.Features.Audit;
using IncidentDesk.Web.Features.Incidents.Evidence;
using IncidentDesk.Web.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using IncidentDesk.Web.Outcomes;

namespace IncidentDesk.IntegrationTests.Incidents;

/// <summary>
/// Officers keep files and links as evidence: the SHA-256 is the file's, the file sits outside the web root under a
/// random name, and anything refused (too large, disguised, wrong scheme, wrong person) leaves nothing behind.
/// </summary>
public sealed class EvidenceUploadTests(OwnHostFixture fixture) : IClassFixture<OwnHostFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    internal static byte[] SmallPdf(string marker) =>
        Encoding.ASCII.GetBytes($"%PDF-1.4\n% {marker}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    private string Folder => fixture.Host.Services.GetRequiredService<EvidenceStore>().Folder;

    private async Task<(Result<int> Result, TestAccount Officer)> UploadAsync(
        int incidentId, string title, string fileName, Stream content, long? declaredSize = null, bool shared = false)
    {
        var officer = await TestAccounts.CreateAsync(fixture.Host, AppRoles.PrivacyOfficer);
        await using var scope = await fixture.Host.ActingAsAsync(officer);
        var result = await scope.ServiceProvider.GetRequiredService<EvidenceService>()
            .AddFileAsync(incidentId, title, "Recebido por e-mail.", shared, fileName, content, declaredSize ?? content.Length, Ct);
        return (result, officer);
    }

    private async Task AssertNothingStoredAsync(string title, IReadOnlyCollection<string> filesBefore)
    {
        Assert.Equal(filesBefore.Order(), Directory.GetFiles(Folder).Order());
        await using var db = fixture.CreateDb();
        Assert.False(await db.Evidence.AnyAsync(e => e.Title == title, Ct));
        Assert.False(await db.TimelineEvents.AnyAsync(e => e.Title.Contains(title), Ct));
    }

    [Fact]
    public async Task An_uploaded_pdf_is_kept_outside_the_web_root_under_a_random_name_with_its_sha256_and_a_timeline_event()
    {
        var incidentId = await fixture.ReferenceIncidentIdAsync();
        var bytes = SmallPdf(Guid.NewGuid().ToString("N"));
        var title = $"Relatório do pesquisador {Guid.NewGuid():N}";

        var (result, officer) = await UploadAsync(incidentId, title, "relatorio do pesquisador.pdf", new MemoryStream(bytes));

        Assert.True(result.Succeeded, string.Join(", ", result.Errors));
        await using var db = fixture.CreateDb();
        var stored = await db.Evidence.AsNoTracking().SingleAsync(e => e.Id == result.Value, Ct);
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        Assert.Equal(sha, stored.Sha256);
        Assert.Equal(bytes.Length, stored.SizeBytes);
        Assert.Equal("application/pdf", stored.ContentType);
        Assert.Equal("relatorio do pesquisador.pdf", stored.FileName);
        Assert.Equal(EvidenceKind.File, stored.Kind);
        Assert.Equal(officer.Email, stored.AddedBy);
        Assert.NotNull(stored.AddedById);

        Assert.Matches("^[0-9a-f]{32}$", stored.StoredName);
        var path = Path.Combine(Folder, stored.StoredName!);
        Assert.Equal(bytes, await File.ReadAllBytesAsync(path, Ct));
        // The configured folder (the test host's data folder), nowhere near the app's web root.
        Assert.StartsWith(Path.Combine(fixture.Host.DataFolder, "evidence") + Path.DirectorySeparatorChar, Path.GetFullPath(path), StringComparison.Ordinal);
        var environment = fixture.Host.Services.GetRequiredService<IWebHostEnvironment>();
        var webRoot = Path.GetFullPath(environment.WebRootPath ?? Path.Combine(environment.ContentRootPath, "wwwroot"));
        Assert.False(Path.GetFullPath(path).StartsWith(webRoot, StringComparison.Ordinal), $"{path} is inside {webRoot}");
        Assert.Empty(Directory.GetFiles(Folder, "*.part"));

        var evt = await db.TimelineEvents.AsNoTracking().SingleAsync(e => e.IncidentId == incidentId && e.Title == $"Evidência adicionada: {title}", Ct);
        Assert.Equal(TimelineEventKind.Evidence, evt.Kind);
        Assert.False(evt.SharedWithCoops);
        Assert.Contains(sha, evt.Description, StringComparison.Ordinal);
        Assert.Contains("relatorio do pesquisador.pdf", evt.Description, StringComparison.Ordinal);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == "Evidence"
            && a.EntityId == stored.Id.ToString(CultureInfo.InvariantCulture) && a.ActorName == officer.Email, Ct));
    }

    [Fact]
    public async Task A_path_in_the_file_name_is_kept_as_display_text_only()
    {
        var incidentId = await fixture.ReferenceIncidentIdAsync();
        var title = $"Nome com caminho {Guid.NewGuid():N}";

        var (result, _) = await UploadAsync(incidentId, title, "../../wwwroot/evil.pdf", new MemoryStream(SmallPdf("x")));

        Assert.True(result.Succeeded, string.Join(", ", result.Errors));
        await using var db = fixture.CreateDb();
        var stored = await db.Evidence.AsNoTracking().SingleAsync(e => e.Id == result.Value, Ct);
        Assert.Equal("evil.pdf", stored.FileName);
        Assert.True(File.Exists(Path.Combine(Folder, stored.StoredName!)));
    }

    [Fact]
    public async Task A_file_one_byte_over_25_mb_is_refused_and_nothing_is_stored_even_when_its_size_was_not_announced()
    {
        var incidentId = await fixture.ReferenceIncidentIdAsync();
        var filesBefore = Directory.GetFiles(Folder);
        var title = $"Dump grande {Guid.NewGuid():N}";
        var bytes = new byte[EvidenceLimits.MaxBytes + 1];
        SmallPdf("big").CopyTo(bytes, 0);

        // The browser's announced size can lie: the service counts what actually arrives.
        var (result, _) = await UploadAsync(incidentId, title, "dump.pdf", new MemoryStream(bytes), declaredSize: 1000);

        Assert.False(result.Succeeded);
        Assert.Equal(EvidenceError.TooLarge, result.ErrorCodes[EvidenceField.File]);
        await AssertNothingStoredAsync(title, filesBefore);
    }

    [Fact]
    public async Task An_announced_size_over_25_mb_is_refused_before_reading()
    {
        var incidentId = await fixture.ReferenceIncidentIdAsync();
        var filesBefore = Directory.GetFiles(Folder);
        var title = $"Anunciado grande {Guid.NewGuid():N}";

        var (result, _) = await UploadAsync(incidentId, title, "dump.pdf", new MemoryStream(SmallPdf("x")), declaredSize: EvidenceLimits.MaxBytes + 1);

        Assert.Equal(EvidenceError.TooLarge, result.ErrorCodes[EvidenceField.File]);
        await AssertNothingStoredAsync(title, filesBefore);
    }

    [Theory]
    [InlineData("fatura.pdf", "MZ\u0090\0\u0003\0\0\0\u0004\0\0\0\u00ff\u00ffThis program cannot be run in DOS mode.", EvidenceError.Disguised)]
    [InlineData("fatura.pdf", "<html><body><script>alert(document.cookie)</script></body></html>", EvidenceError.Disguised)]
    [InlineData("pagina.html", "<html><script>alert(1)</script></html>", EvidenceError.TypeNotAllowed)]
    [InlineData("logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>", EvidenceError.TypeNotAllowed)]
    [InlineData("instalador.exe", "MZ\u0090\0", EvidenceError.TypeNotAllowed)]
    [InlineData("vazio.pdf", "", EvidenceError.Empty)]
    public async Task A_disguised_or_forbidden_file_is_refused_and_nothing_is_stored(string fileName, string content, string expected)
    {
        var incidentId = await fixture.ReferenceIncidentIdAsync();
        var filesBefore = Directory.GetFiles(Folder);
        var title = $"Suspeito {Guid.NewGuid():N}";

        var (result, _) = await UploadAsync(incidentId, title, fileName, new MemoryStream(Encoding.Latin1.GetBytes(content)));

        Assert.False(result.Succeeded);
        Assert.Equal(expected, result.ErrorCodes[EvidenceField.File]);
        await AssertNothingStoredAsync(title, filesBefore);
    }

    [Fact]
    public async Task A_missing_title_is_refused_before_the_file_is_read()
    {
        var incidentId = await fixture.ReferenceIncidentIdAsync();
        var filesBefore = Directory.GetFiles(Folder);
        var content = new MemoryStream(SmallPdf("x"));

        var (result, _) = await UploadAsync(incidentId, "  ", "relatorio.pdf", content);

        Assert.Equal(EvidenceError.Required, result.ErrorCodes[EvidenceField.Title]);
        Assert.Equal(0, content.Position);
        Assert.Equal(filesBefore.Order(), Directory.GetFiles(Folder).Order());
    }

    [Theory]
    [InlineData("javascript:alert(document.cookie)")]
    [InlineData("data:text/html,<script>alert(1)</script>")]
    [InlineData("file:///etc/passwd")]
    [InlineData("//example.org/sem-esquema")]
    [InlineData("www.example.org/relativo")]
    [InlineData("https://usuario:senha@example.org/")]
    public async Task A_link_that_is_not_an_absolute_web_address_is_refused(string url)
    {
        var incidentId = await fixture.ReferenceIncidentIdAsync();
        var officer = await TestAccounts.CreateAsync(fixture.Host, AppRoles.PrivacyOfficer);
        var title = $"Link suspeito {Guid.NewGuid():N}";
        await using (var scope = await fixture.Host.ActingAsAsync(officer))
        {
            var result = await scope.ServiceProvider.GetRequiredService<EvidenceService>().AddLinkAsync(incidentId, title, null, true, url, Ct);
            Assert.Equal(EvidenceError.InvalidUrl, result.ErrorCodes[EvidenceField.Url]);
        }

        await using var db = fixture.CreateDb();
        Assert.False(await db.Evidence.AnyAsync(e => e.Title == title, Ct));
    }

    [Fact]
    public async Task A_web_link_is_kept_with_who_added_it_and_a_timeline_event()
    {
        var incidentId = await fixture.ReferenceIncidentIdAsync();
        var officer = await TestAccounts.CreateAsync(fixture.Host, AppRoles.PrivacyOfficer);
        var title = $"Matéria da imprensa {Guid.NewGuid():N}";
        Result<int> result;
        await using (var scope = await fixture.Host.ActingAsAsync(officer))
        {
            result = await scope.ServiceProvider.GetRequiredService<EvidenceService>()
                .AddLinkAsync(incidentId, title, "Publicada às 9h.", true, " https://jornal.example.org/vazamento?id=1 ", Ct);
        }

        Assert.True(result.Succeeded, string.Join(", ", result.Errors));
        await using var db = fixture.CreateDb();
        var stored = await db.Evidence.AsNoTracking().SingleAsync(e => e.Id == result.Value, Ct);
        Assert.Equal(EvidenceKind.Link, stored.Kind);
        Assert.Equal("https://jornal.example.org/vazamento?id=1", stored.Url);
        Assert.Null(stored.StoredName);
        Assert.Equal(officer.Email, stored.AddedBy);
        Assert.True(await db.TimelineEvents.AnyAsync(e => e.Title == $"Evidência adicionada: {title}" && e.Kind == TimelineEventKind.Evidence, Ct));
    }

    [Theory]
    [InlineData(AppRoles.Auditor)]
    [InlineData(AppRoles.CoopLiaison)]
    public async Task Auditors_and_liaisons_cannot_add_evidence_and_the_attempt_is_audited(string role)
    {
        var incidentId = await fixture.ReferenceIncidentIdAsync();
        var account = await TestAccounts.CreateAsync(fixture.Host, role, role == AppRoles.CoopLiaison ? "SP-004" : null);
        var filesBefore = Directory.GetFiles(Folder);
        var title = $"Tentativa {Guid.NewGuid():N}";
        await using (var scope = await fixture.Host.ActingAsAsync(account))
        {
            var evidence = scope.ServiceProvider.GetRequiredService<EvidenceService>();
            Assert.True((await evidence.AddFileAsync(incidentId, title, null, true, "a.pdf", new MemoryStream(SmallPdf("x")), 100, Ct)).IsForbidden);
            Assert.True((await evidence.AddLinkAsync(incidentId, title, null, true, "https://example.org", Ct)).IsForbidden);
            Assert.NotNull(await evidence.ListAsync(incidentId, Ct));
        }

        await AssertNothingStoredAsync(title, filesBefore);
        await using var db = fixture.CreateDb();
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == AuditActions.AccessDenied && e.ActorName == account.Email
            && e.EntityType == "Incident" && e.EntityId == incidentId.ToString(CultureInfo.InvariantCulture), Ct));
    }

    [Fact]
    public async Task Evidence_for_an_unknown_incident_is_not_found_and_nothing_is_stored()
    {
        var filesBefore = Directory.GetFiles(Folder);
        var title = $"Sem incidente {Guid.NewGuid():N}";

        var (result, _) = await UploadAsync(int.MaxValue, title, "a.pdf", new MemoryStream(SmallPdf("x")));

        Assert.True(result.IsNotFound);
        await AssertNothingStoredAsync(title, filesBefore);
    }
}
