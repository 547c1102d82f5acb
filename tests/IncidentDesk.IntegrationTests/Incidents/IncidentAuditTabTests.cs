using System.Globalization;
using IncidentDesk.Core.Campaigns;
using IncidentDesk.Core.Common;
using IncidentDesk.Core.Compliance.Drafts;
using IncidentDesk.Core.Incidents;
using IncidentDesk.Testing;
using IncidentDesk.Web.Components;
using IncidentDesk.Web.Features.Audit;
using IncidentDesk.Web.Features.Campaigns;
using IncidentDesk.Web.Features.Incidents;
using IncidentDesk.Web.Features.Incidents.Intake;
using IncidentDesk.Web.Features.Incidents.Timeline;
using IncidentDesk.Web.Features.Notifications;
using IncidentDesk.Web.Features.Notifications.Versions;
using IncidentDesk.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentDesk.IntegrationTests.Incidents;

/// <summary>
/// The incident's Audit tab: everything the trail recorded about this incident and what hangs off it (deleted items
/// included), newest first, and nothing about other incidents. Officers and auditors read it; liaisons do not.
/// </summary>
public sealed class IncidentAuditTabTests(OwnHostFixture fixture) : IClassFixture<OwnHostFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static KeyFigureInput Figure(string label) =>
        new(label, 1_000m, "mensagens", FigureStatus.Claimed, "Relatório", new DateOnly(2026, 4, 7), null);

    [Fact]
    public async Task The_tab_lists_the_incidents_own_and_its_childrens_entries_newest_first_and_nothing_of_other_incidents()
    {
        int incident, other, deletedFigure, eventId, otherFigure;
        await using (var officer = Audit.ActingAs.Scope(fixture.Host, AppRoles.PrivacyOfficer))
        {
            var sp = officer.ServiceProvider;
            var register = sp.GetRequiredService<IncidentRegisterService>();
            incident = (await register.CreateAsync(IntakeTests.Draft($"Incidente auditado {Guid.NewGuid():N}"), Ct)).Value.Id;
            other = (await register.CreateAsync(IntakeTests.Draft($"Outro incidente {Guid.NewGuid():N}"), Ct)).Value.Id;
            var figures = sp.GetRequiredService<KeyFigureService>();
            deletedFigure = (await figures.AddAsync(incident, Figure("Mensagens expostas"), Ct)).Value;
            Assert.True((await figures.DeleteAsync(deletedFigure, Ct)).Succeeded);
            otherFigure = (await figures.AddAsync(other, Figure("De outro incidente"), Ct)).Value;
            var timeline = sp.GetRequiredService<TimelineService>();
            var input = new ManualEventInput(new PartialDateInput(2026, 4, 6, null, TimePrecision.Day), "Fato", null, "Fonte", false);
            eventId = (await timeline.AddEventAsync(incident, input, Ct)).Value;
            Assert.True((await timeline.UpdateEventAsync(eventId, input with { Title = "Fato corrigido" }, Ct)).Succeeded);
        }

        await using var auditor = Audit.ActingAs.Scope(fixture.Host, AppRoles.Auditor);
        var page = (await auditor.ServiceProvider.GetRequiredService<AuditTrailService>().SearchForIncidentAsync(incident, pageSize: 200, cancellationToken: Ct)).Value;

        var rows = page.Rows;
        Assert.Equal(page.TotalCount, rows.Count);
        Assert.Equal(rows.Select(r => r.Sequence).OrderDescending(), rows.Select(r => r.Sequence));
        static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);
        Assert.Contains(rows, r => r.Action == "Incident.Created" && r.EntityId == Key(incident));
        Assert.Contains(rows, r => r.Action == "KeyFigure.Created" && r.EntityId == Key(deletedFigure));
        Assert.Contains(rows, r => r.Action == "KeyFigure.Deleted" && r.EntityId == Key(deletedFigure));
        Assert.Contains(rows, r => r.Action == "TimelineEvent.Updated" && r.EntityId == Key(eventId));
        Assert.Contains(rows, r => r.Action == "TimelineEvent.Created" && r.EntityId == Key(eventId));
        Assert.DoesNotContain(rows, r => r.EntityType == nameof(Incident) && r.EntityId == Key(other));
        Assert.DoesNotContain(rows, r => r.EntityType == nameof(KeyFigure) && r.EntityId == Key(otherFigure));

        // The automatic timeline events of the figure's add and delete belong to this incident too.
        await using var db = fixture.CreateDb();
        var automatic = await db.TimelineEvents.Where(e => e.IncidentId == incident && e.Kind != Core.Timeline.TimelineEventKind.Fact)
            .Select(e => e.Id).ToListAsync(Ct);
        Assert.NotEmpty(automatic);
        Assert.All(automatic, id => Assert.Contains(rows, r => r.EntityType == "TimelineEvent" && r.EntityId == Key(id)));

        var first = (await auditor.ServiceProvider.GetRequiredService<AuditTrailService>().SearchForIncidentAsync(incident, 0, 2, Ct)).Value;
        Assert.Equal(rows.Take(2).Select(r => r.Sequence), first.Rows.Select(r => r.Sequence));
        Assert.Equal(rows.Count, first.TotalCount);
    }

    [Fact]
    public async Task The_tab_also_lists_the_co_op_tasks_answers_and_the_drafts_and_filings_of_its_controllers()
    {
        var incidentId = await fixture.ReferenceIncidentIdAsync();
        int otherIncident, version, filing;
        await using (var officer = Audit.ActingAs.Scope(fixture.Host, AppRoles.PrivacyOfficer))
        {
            var sp = officer.ServiceProvider;
            otherIncident = (await sp.GetRequiredService<IncidentRegisterService>()
                .CreateAsync(IntakeTests.Draft($"Outro incidente {Guid.NewGuid():N}"), Ct)).Value.Id;
            await using var db = fixture.CreateDb();
            var go = await db.Coops.Where(c => c.Code == "GO-001").Select(c => c.Id).SingleAsync(Ct);
            var versions = sp.GetRequiredService<DraftVersionService>();
            version = (await versions.SaveGeneratedAsync(incidentId, go, DraftKind.AnpdPreliminary, Ct)).Value;
            Assert.True((await versions.ApproveAsync(incidentId, version, asPreliminary: true, Ct)).Succeeded);
            filing = (await sp.GetRequiredService<FilingService>().RecordForVersionAsync(
                incidentId, version, "00261.000999/2026-11", BrasiliaTime.ToLocal(DateTime.UtcNow.AddHours(-1)), Ct)).Value;
        }

        var ownTask = await AnswerOneTaskAsync(incidentId);
        var otherTask = await AnswerOneTaskAsync(otherIncident);

        await using var auditor = Audit.ActingAs.Scope(fixture.Host, AppRoles.Auditor);
        var trail = auditor.ServiceProvider.GetRequiredService<AuditTrailService>();
        var rows = (await trail.SearchForIncidentAsync(incidentId, pageSize: 200, cancellationToken: Ct)).Value.Rows;

        static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);
        Assert.Contains(rows, r => r.EntityType == nameof(CoopTask) && r.EntityId == Key(ownTask) && r.Action == "CoopTask.Updated");
        Assert.Contains(rows, r => r.EntityType == nameof(DraftVersion) && r.EntityId == Key(version));
        Assert.Contains(rows, r => r.EntityType == nameof(CommunicationFiling) && r.EntityId == Key(filing));
        Assert.DoesNotContain(rows, r => r.EntityType == nameof(CoopTask) && r.EntityId == Key(otherTask));
        var others = (await trail.SearchForIncidentAsync(otherIncident, pageSize: 200, cancellationToken: Ct)).Value.Rows;
        Assert.Contains(others, r => r.EntityType == nameof(CoopTask) && r.EntityId == Key(otherTask));
        Assert.DoesNotContain(others, r => r.EntityType == nameof(DraftVersion));
    }

    /// <summary>Launches a one-task campaign to Acre's co-ops on the incident and answers AC-001's task; returns its id.</summary>
    private async Task<int> AnswerOneTaskAsync(int incidentId)
    {
        await using var officer = Audit.ActingAs.Scope(fixture.Host, AppRoles.PrivacyOfficer);
        var launched = await officer.ServiceProvider.GetRequiredService<CampaignService>().LaunchAsync(new CampaignLaunch(incidentId,
            $"Confirmação {Guid.NewGuid():N}", null, [new("Confirmar o uso do aplicativo", null, 2, false, TaskAnswerType.StatusOnly)],
            CampaignAudience.Uf, "AC"), Ct);
        Assert.True(launched.Succeeded, string.Join(", ", launched.Errors));
        await using var db = fixture.CreateDb();
        var ac001 = await db.Coops.Where(c => c.Code == "AC-001").Select(c => c.Id).SingleAsync(Ct);
        var task = await db.CoopTasks.Where(t => t.CampaignId == launched.Value.CampaignId && t.CoopId == ac001).SingleAsync(Ct);
        var updated = await officer.ServiceProvider.GetRequiredService<CoopTaskService>()
            .UpdateStatusAsync(task.Id, new TaskStatusInput(CoopTaskStatus.Done, null, null, task.Version), Ct);
        Assert.True(updated.Succeeded, updated.ToString());
        return task.Id;
    }

    [Fact]
    public async Task A_liaison_is_refused_and_the_attempt_is_audited()
    {
        var incidentId = await fixture.ReferenceIncidentIdAsync();
        var liaison = await TestAccounts.CreateAsync(fixture.Host, AppRoles.CoopLiaison, "SP-004");

        await using (var scope = await fixture.Host.ActingAsAsync(liaison))
        {
            var trail = scope.ServiceProvider.GetRequiredService<AuditTrailService>();
            Assert.True((await trail.SearchForIncidentAsync(incidentId, cancellationToken: Ct)).IsForbidden);
        }

        await using var db = fixture.CreateDb();
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == AuditActions.AccessDenied && e.ActorName == liaison.Email, Ct));
    }
}
