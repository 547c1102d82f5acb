using System.Globalization;
using System.Net;
using IncidentDesk.Core.Campaigns;
using IncidentDesk.Core.Compliance.Drafts;
using IncidentDesk.Core.Incidents;
using IncidentDesk.IntegrationTests.Incidents;
using IncidentDesk.Testing;
using IncidentDesk.Web.Features.Audit;
using IncidentDesk.Web.Features.Notifications;
using IncidentDesk.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentDesk.IntegrationTests.Notifications;

/// <summary>
/// Drafts per controller co-op of the reference incident (SP-004, MG-002 and GO-001 are its controllers): officers draft
/// for any of them, a liaison gets no generated draft (only approved versions), and a liaison reaching for another co-op's draft gets nothing and
/// leaves an audit entry. The Markdown download is a real HTTP file with its name and no-cache headers.
/// </summary>
public sealed class DraftServiceTests(OwnHostFixture fixture) : IClassFixture<OwnHostFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<int> CoopIdAsync(string code)
    {
        await using var db = fixture.CreateDb();
        return await db.Coops.Where(c => c.Code == code).Select(c => c.Id).SingleAsync(Ct);
    }

    [Fact]
    public async Task An_officer_drafts_the_anpd_communication_of_any_controller_from_the_incidents_data()
    {
        var incidentId = await fixture.ReferenceIncidentIdAsync();
        var mg = await CoopIdAsync("MG-002");
        await using var officer = Audit.ActingAs.Scope(fixture.Host, AppRoles.PrivacyOfficer);
        var drafts = officer.ServiceProvider.GetRequiredService<DraftService>();

        var coops = await drafts.ControllersAsync(incidentId, Ct);
        var draft = await drafts.GenerateAsync(incidentId, mg, DraftKind.AnpdComplete, Ct);

        Assert.Equal(["GO-001", "MG-002", "SP-004"], coops!.Select(c => c.Code));
        Assert.NotNull(draft);
        Assert.Equal("MG-002", draft.Coop.Code);
        Assert.Contains(draft.Coop.Name, draft.Markdown, StringComparison.Ordinal);
        Assert.Contains("Notificante:** privacyofficer@federacao.example", draft.Markdown, StringComparison.Ordinal);
        Assert.Contains("Mensagens possivelmente expostas: estimativa de 14.000.000 mensagens", draft.Markdown, StringComparison.Ordinal);
        Assert.Contains("Histórico de mensagens retido no ambiente: número contestado — Comunicado do sistema cooperativo afirma", draft.Markdown, StringComparison.Ordinal);
        Assert.Contains("06/04/2026 às 17:00 (horário de Brasília)", draft.Markdown, StringComparison.Ordinal);
        // The seed records no subject count and no measures: the check sends the officer to the figures and the timeline.
        Assert.Contains(draft.Missing, m => m.Code == MissingCodes.SubjectCountUnknown && m.Target == DraftTargets.Figures);
        Assert.Contains(draft.Missing, m => m.Code == MissingCodes.NoMeasuresRecorded && m.Target == DraftTargets.Timeline);
        Assert.DoesNotContain(draft.Missing, m => m.Code == MissingCodes.DpoContactMissing);
    }

    [Fact]
    public async Task A_liaison_sees_their_coop_as_a_controller_but_no_generated_draft_not_even_their_own()
    {
        var incidentId = await fixture.ReferenceIncidentIdAsync();
        var sp = await CoopIdAsync("SP-004");
        await using var liaison = Audit.ActingAs.Scope(fixture.Host, AppRoles.CoopLiaison, sp);
        var drafts = liaison.ServiceProvider.GetRequiredService<DraftService>();

        var coops = await drafts.ControllersAsync(incidentId, Ct);
        var notice = await drafts.GenerateAsync(incidentId, sp, DraftKind.SubjectNotice, Ct);

        // A working text may still be wrong: liaisons get only what an officer approved (DraftVersionTests).
        Assert.Equal(["SP-004"], coops!.Select(c => c.Code));
        Assert.Null(notice);
    }

    [Fact]
    public async Task Another_coops_liaison_gets_nothing_and_the_attempt_is_audited()
    {
        var incidentId = await fixture.ReferenceIncidentIdAsync();
        var sp = await CoopIdAsync("SP-004");
        var mg = await CoopIdAsync("MG-002");
        await using var liaison = Audit.ActingAs.Scope(fixture.Host, AppRoles.CoopLiaison, mg);
        var drafts = liaison.ServiceProvider.GetRequiredService<DraftService>();

        var draft = await drafts.GenerateAsync(incidentId, sp, DraftKind.AnpdComplete, Ct);

        Assert.Null(draft);
        var entityId = string.Create(CultureInfo.InvariantCulture, $"{incidentId}/drafts/{sp}");
        await using var db = fixture.CreateDb();
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == AuditActions.AccessDenied && e.EntityId == entityId
            && e.ActorName == "coopliaison@federacao.example", Ct));
    }

    [Fact]
    public async Task A_coop_that_is_not_a_controller_of_the_incident_has_no_draft()
    {
        var incidentId = await fixture.ReferenceIncidentIdAsync();
        var rj = await CoopIdAsync("RJ-001");
        await using var officer = Audit.ActingAs.Scope(fixture.Host, AppRoles.PrivacyOfficer);

        Assert.Null(await officer.ServiceProvider.GetRequiredService<DraftService>().GenerateAsync(incidentId, rj, DraftKind.AnpdComplete, Ct));
    }

    [Fact]
    public async Task The_markdown_download_is_a_named_uncached_file_audited_as_an_export()
    {
        var incidentId = await fixture.ReferenceIncidentIdAsync();
        var sp = await CoopIdAsync("SP-004");
        var account = await TestAccounts.CreateAsync(fixture.Host, AppRoles.PrivacyOfficer);
        using var client = fixture.Host.CreateBrowserClient();
        (await SignIn.SignInAsync(client, account)).Dispose();

        using var response = await client.GetAsync(new Uri($"incidents/{incidentId}/drafts/{sp}/HandlingReport/md", UriKind.Relative), Ct);
        using var unknownKind = await client.GetAsync(new Uri($"incidents/{incidentId}/drafts/{sp}/Memo/md", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/markdown", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.Equal("nosniff", string.Join(',', response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
        var fileName = response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"');
        Assert.Equal("INC-2026-0001_SP-004_HandlingReport.md", fileName);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.StartsWith($"# {DraftTexts.ReportTitle} — INC-2026-0001", body, StringComparison.Ordinal);
        Assert.Contains("Federação recebe a notificação dos pesquisadores", body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknownKind.StatusCode);

        await using var db = fixture.CreateDb();
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == AuditActions.Exported && e.ActorName == account.Email
            && e.Changes!.Contains("INC-2026-0001_SP-004_HandlingReport.md"), Ct));
    }

    [Fact]
    public async Task Another_coops_liaison_downloads_nothing()
    {
        var incidentId = await fixture.ReferenceIncidentIdAsync();
        var sp = await CoopIdAsync("SP-004");
        var account = await TestAccounts.CreateAsync(fixture.Host, AppRoles.CoopLiaison, "MG-002");
        using var client = fixture.Host.CreateBrowserClient();
        (await SignIn.SignInAsync(client, account)).Dispose();

        using var response = await client.GetAsync(new Uri($"incidents/{incidentId}/drafts/{sp}/AnpdComplete/md", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task The_handling_report_lists_the_coops_task_answers_with_their_evidence_hashes_and_no_other_coops()
    {
        var incidentId = await fixture.ReferenceIncidentIdAsync();
        var sp = await CoopIdAsync("SP-004");
        var go = await CoopIdAsync("GO-001");
        var hash = new string('b', 64);
        await using (var db = fixture.CreateDb())
        {
            var now = DateTime.UtcNow;
            var campaign = new Campaign { IncidentId = incidentId, Title = "Contenção Kafka", LaunchedAtUtc = now };
            var task = new CampaignTask { Order = 1, Title = "Preservar logs do período exposto", DueAtUtc = now.AddDays(3), EvidenceRequired = true };
            campaign.Tasks.Add(task);
            db.Campaigns.Add(campaign);
            await db.SaveArrangedAsync(Ct);
            task.CoopTasks.Add(new CoopTask { CampaignId = campaign.Id, CoopId = sp, Status = CoopTaskStatus.Done, Answer = "Logs preservados", UpdatedAtUtc = now });
            task.CoopTasks.Add(new CoopTask { CampaignId = campaign.Id, CoopId = go, Status = CoopTaskStatus.Done, Answer = "Resposta de Goiânia", UpdatedAtUtc = now });
            await db.SaveArrangedAsync(Ct);
            var spTask = task.CoopTasks.Single(t => t.CoopId == sp);
            db.Evidence.Add(new Evidence
            {
                IncidentId = incidentId, Title = "Logs do broker", FileName = "broker.log", Sha256 = hash, CoopTaskId = spTask.Id, CoopId = sp,
                AddedBy = "liaison", AddedAtUtc = now,
            });
            await db.SaveArrangedAsync(Ct);
        }

        await using var officer = Audit.ActingAs.Scope(fixture.Host, AppRoles.PrivacyOfficer);
        var report = await officer.ServiceProvider.GetRequiredService<DraftService>().GenerateAsync(incidentId, sp, DraftKind.HandlingReport, Ct);

        Assert.NotNull(report);
        Assert.Contains("### Contenção Kafka — Preservar logs do período exposto", report.Markdown, StringComparison.Ordinal);
        Assert.Contains("**Resposta:** Logs preservados", report.Markdown, StringComparison.Ordinal);
        Assert.Contains($"Logs do broker (broker.log) — SHA-256 `{hash}`", report.Markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("Resposta de Goiânia", report.Markdown, StringComparison.Ordinal);
    }
}
