using System.Data.Common;
using System.Globalization;
using System.Net;
using IncidentDesk.Core.Compliance.Drafts;
using IncidentDesk.Core.Timeline;
using IncidentDesk.IntegrationTests.Incidents;
using IncidentDesk.Testing;
using IncidentDesk.Web.Features.Audit;
using IncidentDesk.Web.Features.Notifications;
using IncidentDesk.Web.Features.Notifications.Export;
using IncidentDesk.Web.Features.Notifications.Versions;
using IncidentDesk.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentDesk.IntegrationTests.Notifications;

/// <summary>
/// Saved draft versions of the reference incident: every save is a new version, approval needs a complete text or an
/// explicit preliminary approval that lists what is to be complemented (R15 art. 6 §3), an approved version never
/// changes (service and database), and a liaison sees only their own co-op's approved versions.
/// </summary>
public sealed class DraftVersionTests(OwnHostFixture fixture) : IClassFixture<OwnHostFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<int> CoopIdAsync(string code)
    {
        await using var db = fixture.CreateDb();
        return await db.Coops.Where(c => c.Code == code).Select(c => c.Id).SingleAsync(Ct);
    }

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    private async Task<(int Incident, int Version)> OfficerSavesAsync(string coop, DraftKind kind)
    {
        var incidentId = await fixture.ReferenceIncidentIdAsync();
        await using var officer = Audit.ActingAs.Scope(fixture.Host, AppRoles.PrivacyOfficer);
        var result = await officer.ServiceProvider.GetRequiredService<DraftVersionService>().SaveGeneratedAsync(incidentId, await CoopIdAsync(coop), kind, Ct);
        Assert.True(result.Succeeded);
        return (incidentId, result.Value);
    }

    [Fact]
    public async Task Generating_and_editing_each_append_a_version_and_leave_the_previous_one_as_it_was()
    {
        var (incidentId, first) = await OfficerSavesAsync("GO-001", DraftKind.SubjectNotice);
        await using var officer = Audit.ActingAs.Scope(fixture.Host, AppRoles.PrivacyOfficer);
        var versions = officer.ServiceProvider.GetRequiredService<DraftVersionService>();
        var original = await versions.GetAsync(incidentId, first, Ct);

        var edited = await versions.SaveEditedAsync(incidentId, first, original!.Markdown + "\n\nTexto revisado pelo encarregado.", Ct);
        var empty = await versions.SaveEditedAsync(incidentId, first, "  ", Ct);

        Assert.True(edited.Succeeded);
        Assert.Equal(DraftErrors.Required, empty.ErrorCodes[DraftFields.Markdown]);
        var second = await versions.GetAsync(incidentId, edited.Value, Ct);
        Assert.Equal(original.Row.Version + 1, second!.Row.Version);
        Assert.EndsWith("Texto revisado pelo encarregado.", second.Markdown, StringComparison.Ordinal);
        Assert.Equal(original.Markdown, (await versions.GetAsync(incidentId, first, Ct))!.Markdown);
        Assert.NotEmpty(second.Row.MissingCodes);
        // Saving a version is the desk's work, not a communication made: the next draft does not list it as sent.
        var record = await officer.ServiceProvider.GetRequiredService<DraftService>().GenerateAsync(incidentId, second.Row.CoopId, DraftKind.IncidentRecord, Ct);
        Assert.DoesNotContain("Nova versão de minuta", record!.Markdown, StringComparison.Ordinal);

        await using var db = fixture.CreateDb();
        foreach (var id in new[] { first, second.Row.Id })
        {
            Assert.True(await db.AuditEntries.AnyAsync(e => e.EntityType == nameof(DraftVersion) && e.EntityId == Id(id), Ct));
        }

        var v = Id(second.Row.Version);
        Assert.True(await db.TimelineEvents.AnyAsync(e => e.IncidentId == incidentId && e.Kind == TimelineEventKind.Notification
            && e.Title == $"Nova versão de minuta: aviso aos titulares v{v} — GO-001" && e.Description!.StartsWith("Editada pelo encarregado"), Ct));
    }

    [Fact]
    public async Task Approval_with_missing_items_is_refused_unless_preliminary_and_then_the_text_lists_what_is_to_be_complemented()
    {
        var (incidentId, versionId) = await OfficerSavesAsync("SP-004", DraftKind.AnpdComplete);
        await using var officer = Audit.ActingAs.Scope(fixture.Host, AppRoles.PrivacyOfficer);
        var versions = officer.ServiceProvider.GetRequiredService<DraftVersionService>();

        var refused = await versions.ApproveAsync(incidentId, versionId, asPreliminary: false, Ct);
        var approved = await versions.ApproveAsync(incidentId, versionId, asPreliminary: true, Ct);

        Assert.Equal(DraftErrors.MissingItems, refused.ErrorCodes[DraftFields.Version]);
        Assert.True(approved.Succeeded);
        var version = await versions.GetAsync(incidentId, versionId, Ct);
        Assert.True(version!.Row.ApprovedAsPreliminary);
        Assert.Equal("privacyofficer@federacao.example", version.Row.ApprovedBy);
        // The seed has no subject count: the approved text itself says it will be complemented.
        Assert.Contains(MissingCodes.SubjectCountUnknown, version.Row.MissingCodes);
        Assert.Contains($"## {DraftTexts.SectionToComplement}", version.Markdown, StringComparison.Ordinal);
        Assert.Contains($"- {DraftTexts.Missing(MissingCodes.SubjectCountUnknown)}", version.Markdown, StringComparison.Ordinal);

        await using var db = fixture.CreateDb();
        Assert.True(await db.AuditEntries.AnyAsync(e => e.EntityType == nameof(DraftVersion) && e.EntityId == Id(versionId)
            && e.Changes!.Contains("ApprovedAsPreliminary"), Ct));
        Assert.True(await db.TimelineEvents.AnyAsync(e => e.IncidentId == incidentId && e.Kind == TimelineEventKind.Notification
            && e.Title.StartsWith("Minuta aprovada como preliminar") && e.Description!.Contains(DraftTexts.Missing(MissingCodes.SubjectCountUnknown)), Ct));
    }

    [Fact]
    public async Task An_approved_version_never_changes_neither_through_the_service_nor_by_raw_sql()
    {
        var (incidentId, versionId) = await OfficerSavesAsync("MG-002", DraftKind.IncidentRecord);
        await using var officer = Audit.ActingAs.Scope(fixture.Host, AppRoles.PrivacyOfficer);
        var versions = officer.ServiceProvider.GetRequiredService<DraftVersionService>();
        Assert.True((await versions.ApproveAsync(incidentId, versionId, asPreliminary: true, Ct)).Succeeded);
        var approved = await versions.GetAsync(incidentId, versionId, Ct);

        var again = await versions.ApproveAsync(incidentId, versionId, asPreliminary: true, Ct);
        var edit = await versions.SaveEditedAsync(incidentId, versionId, "# Texto trocado", Ct);

        Assert.Equal(DraftErrors.Approved, again.ErrorCodes[DraftFields.Version]);
        Assert.NotEqual(versionId, edit.Value);
        Assert.Equal(approved!.Markdown, (await versions.GetAsync(incidentId, versionId, Ct))!.Markdown);
        // Past the app, as someone with direct access to the database: the storage itself refuses.
        var update = await Assert.ThrowsAnyAsync<DbException>(() => RawSql.ExecuteAsync(fixture.Host,
            $"UPDATE \"DraftVersions\" SET \"Markdown\" = 'adulterado' WHERE \"Id\" = {versionId}"));
        Assert.Contains("immutable", update.Message, StringComparison.Ordinal);
        await Assert.ThrowsAnyAsync<DbException>(() => RawSql.ExecuteAsync(fixture.Host, $"DELETE FROM \"DraftVersions\" WHERE \"Id\" = {versionId}"));

        await using var db = fixture.CreateDb();
        Assert.Equal(approved.Markdown, await db.DraftVersions.Where(v => v.Id == versionId).Select(v => v.Markdown).SingleAsync(Ct));
    }

    [Fact]
    public async Task A_liaison_sees_only_their_coops_approved_versions_and_reaching_for_another_is_audited()
    {
        var (incidentId, pending) = await OfficerSavesAsync("SP-004", DraftKind.PublicNotice);
        var (_, approvedId) = await OfficerSavesAsync("SP-004", DraftKind.PublicNotice);
        var (_, mgApproved) = await OfficerSavesAsync("MG-002", DraftKind.PublicNotice);
        await using (var officer = Audit.ActingAs.Scope(fixture.Host, AppRoles.PrivacyOfficer))
        {
            var versions = officer.ServiceProvider.GetRequiredService<DraftVersionService>();
            Assert.True((await versions.ApproveAsync(incidentId, approvedId, true, Ct)).Succeeded);
            Assert.True((await versions.ApproveAsync(incidentId, mgApproved, true, Ct)).Succeeded);
        }

        var sp = await CoopIdAsync("SP-004");
        await using var liaison = Audit.ActingAs.Scope(fixture.Host, AppRoles.CoopLiaison, await CoopIdAsync("MG-002"));
        var mine = liaison.ServiceProvider.GetRequiredService<DraftVersionService>();

        Assert.Null(await mine.ListAsync(incidentId, sp, Ct));
        Assert.Null(await mine.GetAsync(incidentId, approvedId, Ct));
        Assert.Null(await mine.ExportAsync(incidentId, approvedId, DraftFileFormat.Md, Ct));
        var own = await mine.ListAsync(incidentId, await CoopIdAsync("MG-002"), Ct);
        Assert.All(own!, r => Assert.True(r.IsApproved));
        Assert.Contains(own!, r => r.Id == mgApproved);

        await using (var spLiaison = Audit.ActingAs.Scope(fixture.Host, AppRoles.CoopLiaison, sp))
        {
            var theirs = spLiaison.ServiceProvider.GetRequiredService<DraftVersionService>();
            Assert.DoesNotContain(await theirs.ListAsync(incidentId, sp, Ct) ?? [], r => r.Id == pending);
            Assert.Null(await theirs.GetAsync(incidentId, pending, Ct));
            Assert.NotNull(await theirs.GetAsync(incidentId, approvedId, Ct));
        }

        await using var db = fixture.CreateDb();
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == AuditActions.AccessDenied && e.EntityId == $"{Id(incidentId)}/versions/{Id(approvedId)}"
            && e.ActorName == "coopliaison@federacao.example", Ct));
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == AuditActions.AccessDenied && e.EntityId == $"{Id(incidentId)}/drafts/{Id(sp)}", Ct));
    }

    [Fact]
    public async Task Version_downloads_are_named_uncached_audited_files_that_only_the_right_people_get()
    {
        var (incidentId, pending) = await OfficerSavesAsync("GO-001", DraftKind.AnpdPreliminary);
        var (_, approvedId) = await OfficerSavesAsync("GO-001", DraftKind.AnpdPreliminary);
        await using (var officer = Audit.ActingAs.Scope(fixture.Host, AppRoles.PrivacyOfficer))
        {
            Assert.True((await officer.ServiceProvider.GetRequiredService<DraftVersionService>().ApproveAsync(incidentId, approvedId, true, Ct)).Succeeded);
        }

        var goLiaison = await TestAccounts.CreateAsync(fixture.Host, AppRoles.CoopLiaison, "GO-001");
        var spLiaison = await TestAccounts.CreateAsync(fixture.Host, AppRoles.CoopLiaison, "SP-004");
        using var go = fixture.Host.CreateBrowserClient();
        (await SignIn.SignInAsync(go, goLiaison)).Dispose();
        using var other = fixture.Host.CreateBrowserClient();
        (await SignIn.SignInAsync(other, spLiaison)).Dispose();
        Uri Path(int version, string format) => new($"incidents/{incidentId}/drafts/versions/{version}/{format}", UriKind.Relative);

        using var ok = await go.GetAsync(Path(approvedId, "md"), Ct);
        using var unapproved = await go.GetAsync(Path(pending, "md"), Ct);
        using var badFormat = await go.GetAsync(Path(approvedId, "exe"), Ct);
        using var otherCoop = await other.GetAsync(Path(approvedId, "md"), Ct);

        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal("text/markdown", ok.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", string.Join(',', ok.Headers.GetValues("X-Content-Type-Options")));
        Assert.Contains("no-store", ok.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
        var version = await VersionNumberAsync(approvedId);
        var fileName = ok.Content.Headers.ContentDisposition?.FileNameStar ?? ok.Content.Headers.ContentDisposition?.FileName?.Trim('"');
        Assert.Equal($"INC-2026-0001_GO-001_AnpdPreliminary_v{version}.md", fileName);
        Assert.Contains(DraftTexts.SectionToComplement, await ok.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unapproved.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, badFormat.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherCoop.StatusCode);

        await using var db = fixture.CreateDb();
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == AuditActions.Exported && e.ActorName == goLiaison.Email && e.Changes!.Contains(fileName!), Ct));
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == AuditActions.AccessDenied && e.ActorName == spLiaison.Email
            && e.EntityId == $"{Id(incidentId)}/versions/{Id(approvedId)}", Ct));
    }

    private async Task<string> VersionNumberAsync(int id)
    {
        await using var db = fixture.CreateDb();
        return Id(await db.DraftVersions.Where(v => v.Id == id).Select(v => v.Version).SingleAsync(Ct));
    }
}
