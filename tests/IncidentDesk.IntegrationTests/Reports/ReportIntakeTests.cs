using System.Net;
using System.Security.Cryptography;
using IncidentDesk.Core.Incidents;
using IncidentDesk.Core.Reports;
using IncidentDesk.Core.Timeline;
using IncidentDesk.Testing;
using IncidentDesk.Web.Features.Incidents.Evidence;
using IncidentDesk.Web.Features.Reports.Inbox;
using IncidentDesk.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentDesk.IntegrationTests.Reports;

/// <summary>The officers' inbox: triage to an incident, attach, decline — each audited — and who may do what.</summary>
public sealed class ReportIntakeTests(ReportHostFixture fixture) : IClassFixture<ReportHostFixture>
{
    private const string Xss = "<script>alert('x')</script><img src=x onerror=alert(1)>";
    private static readonly string[] TextFields =
        ["Input.Finding", "Input.Target", "Input.HowFound", "Input.ProofOfConcept", "Input.OthersInformed", "Input.ReporterName", "Input.ReporterOrganisation"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Promoting_a_report_opens_an_incident_with_the_reporter_the_text_the_receipt_time_and_the_report_as_evidence()
    {
        var (reference, code) = await SubmitAsync();
        var report = await ReportAsync(reference);
        await using var officer = await OfficerAsync();

        var promoted = await Intake(officer).PromoteAsync(report.Id, new PromoteChoice($"Relato externo {reference}: broker aberto", IncidentSeverity.High), Ct);

        Assert.True(promoted.Succeeded, promoted.ToString());
        await using var db = fixture.CreateDb();
        var incident = await db.Incidents.SingleAsync(i => i.Id == promoted.Value.Id, Ct);
        Assert.Equal(ReportSource.SecurityResearcher, incident.Source);
        Assert.Equal("Joana Pesquisadora", incident.ReporterName);
        Assert.Equal("Laboratório Independente", incident.ReporterOrganisation);
        Assert.Equal("joana@pesquisa.example", incident.ReporterContact);
        Assert.Equal(report.Finding, incident.Summary);
        Assert.Equal(report.Target, incident.AffectedSystems);
        Assert.Equal(Seconds(report.ReceivedAtUtc), incident.KnowledgeAtUtc);
        Assert.Equal(Seconds(report.ReceivedAtUtc), incident.ReportedAtUtc);

        var evidence = await db.Evidence.SingleAsync(e => e.IncidentId == incident.Id, Ct);
        Assert.Equal($"{reference}.txt", evidence.FileName);
        await using (var file = fixture.Host.Services.GetRequiredService<EvidenceStore>().OpenRead(evidence.StoredName)!)
        {
            Assert.Equal(evidence.Sha256, Convert.ToHexStringLower(await SHA256.HashDataAsync(file, Ct)));
        }

        var linked = await db.SecurityReports.SingleAsync(r => r.Id == report.Id, Ct);
        Assert.Equal(incident.Id, linked.IncidentId);
        Assert.Equal(SecurityReportStatus.UnderInvestigation, linked.Status);
        Assert.NotNull(linked.AcknowledgedAtUtc);
        Assert.True(await db.TimelineEvents.AnyAsync(e => e.IncidentId == incident.Id && e.Kind == TimelineEventKind.Evidence
            && e.Title.Contains(reference) && e.Description!.Contains(evidence.Sha256!), Ct));
        var audited = await db.AuditEntries.Where(a => a.ActorName == "Ana Encarregada").Select(a => a.Action).ToListAsync(Ct);
        Assert.Contains("SecurityReport.Updated", audited);
        Assert.Contains("Incident.Created", audited);
        Assert.Contains("Evidence.Created", audited);

        // The reporter reads the new state by code.
        using var reporter = fixture.Host.CreateBrowserClient();
        using var status = await ReportForm.PostStatusAsync(reporter, code);
        Assert.Contains("Em investigação", await status.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_report_of_the_same_exposure_is_attached_to_the_incident_and_on_its_timeline()
    {
        var (first, _) = await SubmitAsync();
        var (second, _) = await SubmitAsync();
        await using var officer = await OfficerAsync();
        var promoted = await Intake(officer).PromoteAsync((await ReportAsync(first)).Id, new PromoteChoice("Broker exposto", IncidentSeverity.Critical), Ct);
        var secondId = (await ReportAsync(second)).Id;

        var attached = await Intake(officer).AttachAsync(secondId, promoted.Value.Reference.ToLowerInvariant(), Ct);
        var again = await Intake(officer).AttachAsync(secondId, promoted.Value.Reference, Ct);
        var unknown = await Intake(officer).AttachAsync((await ReportAsync((await SubmitAsync()).Reference)).Id, "INC-1999-0001", Ct);

        Assert.True(attached.Succeeded, attached.ToString());
        Assert.Equal(InboxConflict.AlreadyLinked, again.Conflict?.Code);
        Assert.Equal(InboxField.Incident, Assert.Single(unknown.Errors).Field);
        await using var db = fixture.CreateDb();
        Assert.Equal(promoted.Value.Id, (await db.SecurityReports.SingleAsync(r => r.Id == secondId, Ct)).IncidentId);
        Assert.True(await db.TimelineEvents.AnyAsync(e => e.IncidentId == promoted.Value.Id && e.Title == $"Relato externo {second} anexado ao incidente", Ct));
        Assert.Equal(2, await db.Evidence.CountAsync(e => e.IncidentId == promoted.Value.Id, Ct));
    }

    [Fact]
    public async Task Declining_sends_the_reason_to_the_reporter_and_is_audited()
    {
        var (reference, code) = await SubmitAsync();
        var id = (await ReportAsync(reference)).Id;
        await using var officer = await OfficerAsync();

        var noReason = await Intake(officer).DeclineAsync(id, "  ", Ct);
        var declined = await Intake(officer).DeclineAsync(id, "Fora do escopo: o host pertence a outra organização.", Ct);
        var promoteAfter = await Intake(officer).PromoteAsync(id, new PromoteChoice("x", IncidentSeverity.Low), Ct);

        Assert.Equal(InboxField.Reason, Assert.Single(noReason.Errors).Field);
        Assert.True(declined.Succeeded);
        Assert.Equal(InboxConflict.Closed, promoteAfter.Conflict?.Code);
        using var reporter = fixture.Host.CreateBrowserClient();
        using var status = await ReportForm.PostStatusAsync(reporter, code);
        var html = await status.Content.ReadAsStringAsync(Ct);
        Assert.Contains("Não aceito", html, StringComparison.Ordinal);
        Assert.Contains("Fora do escopo: o host pertence a outra organização.", html, StringComparison.Ordinal);
        await using var db = fixture.CreateDb();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "SecurityReport.Updated" && a.EntityId == id.ToString(System.Globalization.CultureInfo.InvariantCulture) && a.Changes!.Contains("\"Status\""), Ct));
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "SecurityReportMessage.Created" && a.ActorName == "Ana Encarregada", Ct));
    }

    [Fact]
    public async Task Auditors_read_the_inbox_but_triage_nothing_and_liaisons_are_refused_all_of_it()
    {
        var (reference, _) = await SubmitAsync();
        var id = (await ReportAsync(reference)).Id;
        var auditor = await TestAccounts.CreateAsync(fixture.Host, AppRoles.Auditor, twoFactor: false);
        var liaison = await TestAccounts.CreateAsync(fixture.Host, AppRoles.CoopLiaison, "SP-004", twoFactor: false);

        await using (var scope = await fixture.Host.ActingAsAsync(auditor))
        {
            var intake = Intake(scope);
            Assert.Contains((await intake.ListAsync(cancellationToken: Ct)).Value, r => r.Id == id);
            Assert.True((await intake.GetAsync(id, Ct)).Succeeded);
            Assert.True((await intake.AcknowledgeAsync(id, "x", Ct)).IsForbidden);
            Assert.True((await intake.PromoteAsync(id, new PromoteChoice("x", IncidentSeverity.Low), Ct)).IsForbidden);
            Assert.True((await intake.AttachAsync(id, "INC-2026-0001", Ct)).IsForbidden);
            Assert.True((await intake.DeclineAsync(id, "x", Ct)).IsForbidden);
        }

        await using (var scope = await fixture.Host.ActingAsAsync(liaison))
        {
            var intake = Intake(scope);
            Assert.True((await intake.ListAsync(cancellationToken: Ct)).IsForbidden);
            Assert.True((await intake.GetAsync(id, Ct)).IsForbidden);
            Assert.Null(await scope.ServiceProvider.GetRequiredService<InboxSummaryReader>().SummaryAsync(Ct));
            Assert.True((await intake.SendMessageAsync(id, "x", Ct)).IsForbidden);
        }

        await using var db = fixture.CreateDb();
        Assert.Equal(SecurityReportStatus.Received, (await db.SecurityReports.SingleAsync(r => r.Id == id, Ct)).Status);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "Access.Denied" && a.EntityType == nameof(SecurityReport) && a.ActorName == liaison.Email, Ct));
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "Access.Denied" && a.EntityType == nameof(SecurityReport) && a.ActorName == auditor.Email, Ct));

        using var browser = fixture.Host.CreateBrowserClient();
        (await SignIn.SignInAsync(browser, liaison)).Dispose();
        using var page = await browser.GetAsync(new Uri("intake", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains("/account/access-denied", page.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Script_in_every_field_stays_inert_text_in_the_inbox_the_incident_and_the_timeline_export()
    {
        var (reference, _) = await SubmitAsync(f =>
        {
            foreach (var field in TextFields)
            {
                f[field] = $"{field} {Xss}";
            }
        });
        var id = (await ReportAsync(reference)).Id;
        var officer = await TestAccounts.CreateAsync(fixture.Host, AppRoles.PrivacyOfficer);
        using var browser = fixture.Host.CreateBrowserClient();
        (await SignIn.SignInAsync(browser, officer)).Dispose();

        var inbox = await browser.GetStringAsync(new Uri($"intake?report={id}", UriKind.Relative), Ct);
        AssertInert(inbox, mustShow: true);

        int incidentId;
        await using (var scope = await fixture.Host.ActingAsAsync(officer))
        {
            incidentId = (await Intake(scope).PromoteAsync(id, new PromoteChoice($"Relato {Xss}", IncidentSeverity.High), Ct)).Value.Id;
        }

        AssertInert(await browser.GetStringAsync(new Uri($"incidents/{incidentId}", UriKind.Relative), Ct), mustShow: true);
        AssertInert(await browser.GetStringAsync(new Uri($"incidents/{incidentId}/timeline/csv", UriKind.Relative), Ct), mustShow: false);
        var json = await browser.GetStringAsync(new Uri($"incidents/{incidentId}/timeline/json", UriKind.Relative), Ct);
        Assert.DoesNotContain("<script>", json, StringComparison.Ordinal);
    }

    private static void AssertInert(string html, bool mustShow)
    {
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
        if (mustShow)
        {
            Assert.Contains("&lt;script&gt;alert", html, StringComparison.Ordinal);
        }
    }

    private async Task<(string Reference, string Code)> SubmitAsync(Action<Dictionary<string, string>>? change = null)
    {
        using var client = fixture.Host.CreateBrowserClient();
        return await ReportForm.SubmitAsync(client, change);
    }

    private async Task<SecurityReport> ReportAsync(string reference)
    {
        await using var db = fixture.CreateDb();
        return await db.SecurityReports.AsNoTracking().SingleAsync(r => r.Reference == reference, Ct);
    }

    private Task<AsyncServiceScope> OfficerAsync() => Task.FromResult(fixture.Host.OperatorScope("Ana Encarregada"));

    private static ReportIntakeService Intake(AsyncServiceScope scope) => scope.ServiceProvider.GetRequiredService<ReportIntakeService>();

    private static DateTime Seconds(DateTime utc) => new(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);
}
