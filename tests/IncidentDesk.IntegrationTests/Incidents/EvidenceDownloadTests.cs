using System.Globalization;
using System.Net;
using System.Text;
using IncidentDesk.Testing;
using IncidentDesk.Web.Features.Audit;
using IncidentDesk.Web.Features.Incidents;
using IncidentDesk.Web.Features.Incidents.Evidence;
using IncidentDesk.Web.Features.Incidents.Intake;
using IncidentDesk.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentDesk.IntegrationTests.Incidents;

/// <summary>
/// Downloads over real HTTP with a browser session: identical bytes, always an attachment the browser will not sniff
/// or render, and only for those who may see the evidence (everyone else gets 404, and the attempt is audited).
/// </summary>
public sealed class EvidenceDownloadTests(OwnHostFixture fixture) : IClassFixture<OwnHostFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Url(int incidentId, int evidenceId) => EvidenceEndpoints.DownloadPath(incidentId, evidenceId);

    private async Task<int> AddFileAsync(int incidentId, string fileName, byte[] bytes, bool shared)
    {
        var officer = await TestAccounts.CreateAsync(fixture.Host, AppRoles.PrivacyOfficer);
        await using var scope = await fixture.Host.ActingAsAsync(officer);
        var result = await scope.ServiceProvider.GetRequiredService<EvidenceService>()
            .AddFileAsync(incidentId, $"Evidência {Guid.NewGuid():N}", null, shared, fileName, new MemoryStream(bytes), bytes.Length, Ct);
        Assert.True(result.Succeeded, string.Join(", ", result.Errors));
        return result.Value;
    }

    private async Task<int> OtherIncidentAsync()
    {
        var officer = await TestAccounts.CreateAsync(fixture.Host, AppRoles.PrivacyOfficer);
        await using var scope = await fixture.Host.ActingAsAsync(officer);
        var created = await scope.ServiceProvider.GetRequiredService<IncidentRegisterService>().CreateAsync(IntakeTests.Draft("Outro incidente"), Ct);
        Assert.True(created.Succeeded);
        return created.Value.Id;
    }

    private async Task<(HttpClient Client, TestAccount Account)> SignedInAsync(string role, string? coopCode = null)
    {
        // Officers and auditors must have 2FA; SignIn answers the authenticator step.
        var account = await TestAccounts.CreateAsync(fixture.Host, role, coopCode, twoFactor: role != AppRoles.CoopLiaison);
        var client = fixture.Host.CreateBrowserClient();
        (await SignIn.SignInAsync(client, account)).Dispose();
        return (client, account);
    }

    private async Task<bool> DeniedAuditedAsync(TestAccount account, int evidenceId)
    {
        await using var db = fixture.CreateDb();
        return await db.AuditEntries.AnyAsync(e => e.Action == AuditActions.AccessDenied && e.ActorName == account.Email
            && e.EntityType == "Evidence" && e.EntityId == evidenceId.ToString(CultureInfo.InvariantCulture), Ct);
    }

    [Fact]
    public async Task An_officer_downloads_identical_bytes_as_an_attachment_that_is_never_sniffed_cached_or_rendered()
    {
        var incidentId = await fixture.ReferenceIncidentIdAsync();
        var bytes = EvidenceUploadTests.SmallPdf(Guid.NewGuid().ToString("N"));
        var evidenceId = await AddFileAsync(incidentId, "Ofício nº 12 – ANPD.pdf", bytes, shared: false);
        var (client, officer) = await SignedInAsync(AppRoles.PrivacyOfficer);

        using var response = await client.GetAsync(new Uri(Url(incidentId, evidenceId), UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(bytes, await response.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var disposition = response.Content.Headers.ContentDisposition;
        Assert.NotNull(disposition);
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.Equal("Ofício nº 12 – ANPD.pdf", disposition.FileNameStar);
        Assert.NotNull(disposition.FileName);
        Assert.True(Ascii.IsValid(disposition.FileName), disposition.FileName);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Contains("sandbox", Assert.Single(response.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        Assert.True(response.Headers.CacheControl?.NoStore);

        await using var db = fixture.CreateDb();
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == EvidenceService.DownloadedAction && e.ActorName == officer.Email
            && e.EntityId == evidenceId.ToString(CultureInfo.InvariantCulture), Ct));
    }

    [Fact]
    public async Task The_stored_file_is_not_reachable_by_any_url_but_the_authorized_download()
    {
        var incidentId = await fixture.ReferenceIncidentIdAsync();
        var bytes = EvidenceUploadTests.SmallPdf(Guid.NewGuid().ToString("N"));
        var evidenceId = await AddFileAsync(incidentId, "segredo.pdf", bytes, shared: false);
        await using var db = fixture.CreateDb();
        var stored = (await db.Evidence.AsNoTracking().SingleAsync(e => e.Id == evidenceId, Ct)).StoredName;
        var (client, _) = await SignedInAsync(AppRoles.PrivacyOfficer);

        foreach (var guess in new[] { stored, $"evidence/{stored}", $"data/evidence/{stored}", $"wwwroot/{stored}", "segredo.pdf", "data/evidence/" })
        {
            using var response = await client.GetAsync(new Uri(guess!, UriKind.Relative), Ct);
            Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
            Assert.NotEqual(bytes, await response.Content.ReadAsByteArrayAsync(Ct));
        }
    }

    [Fact]
    public async Task Text_evidence_is_sent_as_opaque_bytes_not_as_text()
    {
        var incidentId = await fixture.ReferenceIncidentIdAsync();
        var bytes = Encoding.UTF8.GetBytes("2026-04-06 17:00 acesso ao tópico chatbot-conversas\n");
        var evidenceId = await AddFileAsync(incidentId, "kafka.log", bytes, shared: false);
        var (client, _) = await SignedInAsync(AppRoles.PrivacyOfficer);

        using var response = await client.GetAsync(new Uri(Url(incidentId, evidenceId), UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/octet-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(bytes, await response.Content.ReadAsByteArrayAsync(Ct));
    }

    [Fact]
    public async Task A_liaison_of_an_involved_coop_downloads_shared_evidence_only_and_denied_attempts_are_audited()
    {
        var incidentId = await fixture.ReferenceIncidentIdAsync();
        var sharedBytes = EvidenceUploadTests.SmallPdf("compartilhado");
        var shared = await AddFileAsync(incidentId, "aviso-as-cooperativas.pdf", sharedBytes, shared: true);
        var internalOnly = await AddFileAsync(incidentId, "analise-interna.pdf", EvidenceUploadTests.SmallPdf("interno"), shared: false);
        var otherIncident = await OtherIncidentAsync();
        var elsewhere = await AddFileAsync(otherIncident, "outro.pdf", EvidenceUploadTests.SmallPdf("outro"), shared: true);
        var (client, liaison) = await SignedInAsync(AppRoles.CoopLiaison, "SP-004");

        using (var ok = await client.GetAsync(new Uri(Url(incidentId, shared), UriKind.Relative), Ct))
        {
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
            Assert.Equal(sharedBytes, await ok.Content.ReadAsByteArrayAsync(Ct));
        }

        foreach (var (incident, evidence) in new[] { (incidentId, internalOnly), (otherIncident, elsewhere), (incidentId, elsewhere) })
        {
            using var refused = await client.GetAsync(new Uri(Url(incident, evidence), UriKind.Relative), Ct);
            Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
            Assert.Null(refused.Content.Headers.ContentDisposition);
        }

        Assert.True(await DeniedAuditedAsync(liaison, internalOnly));
        Assert.True(await DeniedAuditedAsync(liaison, elsewhere));

        await using var scope = await fixture.Host.ActingAsAsync(liaison);
        var service = scope.ServiceProvider.GetRequiredService<EvidenceService>();
        var listed = await service.ListAsync(incidentId, Ct);
        Assert.NotNull(listed);
        Assert.Contains(listed, e => e.Id == shared);
        Assert.All(listed, e => Assert.True(e.SharedWithCoops));
        Assert.Null(await service.ListAsync(otherIncident, Ct));
    }

    [Fact]
    public async Task A_liaison_of_an_uninvolved_coop_gets_404_even_for_shared_evidence()
    {
        var incidentId = await fixture.ReferenceIncidentIdAsync();
        var shared = await AddFileAsync(incidentId, "aviso.pdf", EvidenceUploadTests.SmallPdf("x"), shared: true);
        var (client, liaison) = await SignedInAsync(AppRoles.CoopLiaison, "RJ-001");

        using var response = await client.GetAsync(new Uri(Url(incidentId, shared), UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.True(await DeniedAuditedAsync(liaison, shared));
    }

    [Fact]
    public async Task An_auditor_reads_and_downloads_everything()
    {
        var incidentId = await fixture.ReferenceIncidentIdAsync();
        var bytes = EvidenceUploadTests.SmallPdf("auditoria");
        var internalOnly = await AddFileAsync(incidentId, "interno.pdf", bytes, shared: false);
        var (client, auditor) = await SignedInAsync(AppRoles.Auditor);

        using var response = await client.GetAsync(new Uri(Url(incidentId, internalOnly), UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(bytes, await response.Content.ReadAsByteArrayAsync(Ct));
        await using var scope = await fixture.Host.ActingAsAsync(auditor);
        var listed = await scope.ServiceProvider.GetRequiredService<EvidenceService>().ListAsync(incidentId, Ct);
        Assert.Contains(listed!, e => e.Id == internalOnly);
    }

    [Fact]
    public async Task Without_a_session_the_download_redirects_to_sign_in_and_sends_no_bytes()
    {
        var incidentId = await fixture.ReferenceIncidentIdAsync();
        var evidenceId = await AddFileAsync(incidentId, "a.pdf", EvidenceUploadTests.SmallPdf("x"), shared: true);
        using var anonymous = fixture.Host.CreateBrowserClient();

        using var response = await anonymous.GetAsync(new Uri(Url(incidentId, evidenceId), UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/login", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }
}
