using System.Globalization;
using IncidentDesk.Core.Compliance;
using IncidentDesk.Core.Compliance.Drafts;
using IncidentDesk.Core.Incidents;
using IncidentDesk.Core.Timeline;
using IncidentDesk.IntegrationTests.Incidents;
using IncidentDesk.Web.Components;
using IncidentDesk.Web.Features.Compliance;
using IncidentDesk.Web.Features.Notifications;
using IncidentDesk.Web.Features.Notifications.Versions;
using IncidentDesk.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentDesk.IntegrationTests.Notifications;

/// <summary>
/// "Record as filed" on the reference incident (its co-ops learned of it in April 2026, long past every deadline): a
/// filing inside the ANPD deadline shows it met, one after it shows it late and the drafts then ask for the reasons for
/// the delay (R15 art. 6 §2 V) until an officer writes them. Every step is audited and on the timeline.
/// </summary>
public sealed class FilingTests(OwnHostFixture fixture) : IClassFixture<OwnHostFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(int Incident, int Coop, DateTime KnowledgeUtc)> ControllerAsync(string code)
    {
        var incidentId = await fixture.ReferenceIncidentIdAsync();
        await using var db = fixture.CreateDb();
        var row = await db.CoopInvolvements.Where(v => v.IncidentId == incidentId && v.Coop!.Code == code && v.Role == InvolvementRole.ControllerAffected)
            .Select(v => new { v.CoopId, v.KnowledgeAtUtc }).SingleAsync(Ct);
        return (incidentId, row.CoopId, row.KnowledgeAtUtc);
    }

    private static async Task<int> ApprovedVersionAsync(IServiceProvider services, int incidentId, int coopId, DraftKind kind)
    {
        var versions = services.GetRequiredService<DraftVersionService>();
        var saved = await versions.SaveGeneratedAsync(incidentId, coopId, kind, Ct);
        Assert.True((await versions.ApproveAsync(incidentId, saved.Value, asPreliminary: true, Ct)).Succeeded);
        return saved.Value;
    }

    [Fact]
    public async Task A_communication_filed_inside_the_deadline_shows_it_met_with_its_protocol()
    {
        var (incidentId, go, knowledge) = await ControllerAsync("GO-001");
        await using var officer = Audit.ActingAs.Scope(fixture.Host, AppRoles.PrivacyOfficer);
        var version = await ApprovedVersionAsync(officer.ServiceProvider, incidentId, go, DraftKind.AnpdPreliminary);
        var filings = officer.ServiceProvider.GetRequiredService<FilingService>();

        var unapproved = await officer.ServiceProvider.GetRequiredService<DraftVersionService>().SaveGeneratedAsync(incidentId, go, DraftKind.AnpdComplete, Ct);
        var notApproved = await filings.RecordForVersionAsync(incidentId, unapproved.Value, "X", BrasiliaTime.ToLocal(knowledge), Ct);
        var noProtocol = await filings.RecordForVersionAsync(incidentId, version, " ", BrasiliaTime.ToLocal(knowledge), Ct);
        var future = await filings.RecordForVersionAsync(incidentId, version, "P-1", BrasiliaTime.ToLocal(DateTime.UtcNow.AddDays(1)), Ct);
        var recorded = await filings.RecordForVersionAsync(incidentId, version, "00261.000123/2026-11", BrasiliaTime.ToLocal(knowledge.AddHours(5)), Ct);

        Assert.Equal(DraftErrors.NotApproved, notApproved.ErrorCodes[DraftFields.Version]);
        Assert.Equal(DraftErrors.Required, noProtocol.ErrorCodes[DraftFields.Protocol]);
        Assert.Equal(DraftErrors.InFuture, future.ErrorCodes[DraftFields.FiledAt]);
        Assert.True(recorded.Succeeded);
        var deadlines = await officer.ServiceProvider.GetRequiredService<DeadlineService>().ForIncidentAsync(incidentId, Ct);
        var anpd = deadlines!.Single(d => d.CoopId == go).Deadlines.Single(d => d.Kind == DeadlineKind.AnpdCommunication);
        Assert.Equal("00261.000123/2026-11", anpd.Filed?.Protocol);
        Assert.Equal(knowledge.AddHours(5), anpd.Filed!.FiledAtUtc);
        Assert.True(anpd.MetOnTime);
        // Filed on time: no reasons for delay are asked for, and the complementary clock now runs (R15 art. 6 §3).
        var draft = await officer.ServiceProvider.GetRequiredService<DraftService>().GenerateAsync(incidentId, go, DraftKind.AnpdComplete, Ct);
        Assert.DoesNotContain(draft!.Missing, m => m.Code == MissingCodes.DelayReasonsMissing);
        Assert.Contains(deadlines!.Single(d => d.CoopId == go).Deadlines, d => d.Kind == DeadlineKind.ComplementaryInformation);
        Assert.Equal(DraftErrors.NotLate, (await filings.SaveDelayReasonsAsync(incidentId, go, "sem atraso", Ct)).ErrorCodes[DraftFields.DelayReasons]);

        await using var db = fixture.CreateDb();
        var filingId = recorded.Value.ToString(CultureInfo.InvariantCulture);
        Assert.True(await db.AuditEntries.AnyAsync(e => e.EntityType == nameof(CommunicationFiling) && e.EntityId == filingId, Ct));
        Assert.True(await db.TimelineEvents.AnyAsync(e => e.IncidentId == incidentId && e.Kind == TimelineEventKind.Notification
            && e.Title == "Comunicação à ANPD protocolada — GO-001" && e.Description!.Contains("Protocolo 00261.000123/2026-11"), Ct));
    }

    [Fact]
    public async Task A_late_filing_shows_late_and_the_drafts_ask_for_the_reasons_until_they_are_written()
    {
        var (incidentId, mg, _) = await ControllerAsync("MG-002");
        await using var officer = Audit.ActingAs.Scope(fixture.Host, AppRoles.PrivacyOfficer);
        var version = await ApprovedVersionAsync(officer.ServiceProvider, incidentId, mg, DraftKind.AnpdComplete);
        var filings = officer.ServiceProvider.GetRequiredService<FilingService>();
        var drafts = officer.ServiceProvider.GetRequiredService<DraftService>();

        Assert.True((await filings.RecordForVersionAsync(incidentId, version, "ANPD-LATE-1", BrasiliaTime.ToLocal(DateTime.UtcNow.AddMinutes(-5)), Ct)).Succeeded);

        var anpd = (await officer.ServiceProvider.GetRequiredService<DeadlineService>().ForIncidentAsync(incidentId, Ct))!
            .Single(d => d.CoopId == mg).Deadlines.Single(d => d.Kind == DeadlineKind.AnpdCommunication);
        Assert.NotNull(anpd.Filed);
        Assert.False(anpd.MetOnTime);
        Assert.True((await filings.DelayReasonsAsync(incidentId, mg, Ct))!.Late);
        var before = await drafts.GenerateAsync(incidentId, mg, DraftKind.AnpdComplete, Ct);
        var missing = Assert.Single(before!.Missing, m => m.Code == MissingCodes.DelayReasonsMissing);
        Assert.Equal(DraftTargets.Notifications, missing.Target);

        var tooLong = await filings.SaveDelayReasonsAsync(incidentId, mg, new string('a', FilingService.DelayReasonsMax + 1), Ct);
        var saved = await filings.SaveDelayReasonsAsync(incidentId, mg, "A cooperativa só confirmou o acesso aos dados após a perícia.", Ct);

        Assert.Equal(DraftErrors.TooLong, tooLong.ErrorCodes[DraftFields.DelayReasons]);
        Assert.True(saved.Succeeded);
        var after = await drafts.GenerateAsync(incidentId, mg, DraftKind.AnpdComplete, Ct);
        Assert.DoesNotContain(after!.Missing, m => m.Code == MissingCodes.DelayReasonsMissing);
        Assert.Contains("A cooperativa só confirmou o acesso aos dados após a perícia.", after.Markdown, StringComparison.Ordinal);

        await using var db = fixture.CreateDb();
        Assert.True(await db.AuditEntries.AnyAsync(e => e.EntityType == nameof(CoopInvolvement) && e.Changes!.Contains("DelayReasons"), Ct));
        Assert.True(await db.TimelineEvents.AnyAsync(e => e.IncidentId == incidentId && e.Kind == TimelineEventKind.Notification
            && e.Title == "Motivos do atraso na comunicação registrados — MG-002", Ct));
    }

    [Fact]
    public async Task The_channels_declaration_is_recorded_without_a_draft_and_answers_its_own_deadline()
    {
        var (incidentId, sp, _) = await ControllerAsync("SP-004");
        await using var officer = Audit.ActingAs.Scope(fixture.Host, AppRoles.PrivacyOfficer);
        var filings = officer.ServiceProvider.GetRequiredService<FilingService>();

        var recorded = await filings.RecordChannelsDeclarationAsync(incidentId, sp, "DECL-7", BrasiliaTime.ToLocal(DateTime.UtcNow.AddHours(-1)), Ct);

        Assert.True(recorded.Succeeded);
        var row = Assert.Single((await filings.ListAsync(incidentId, sp, Ct))!, f => f.Kind == FilingKind.ChannelsDeclaration);
        Assert.Null(row.DraftVersionId);
        var declaration = (await officer.ServiceProvider.GetRequiredService<DeadlineService>().ForIncidentAsync(incidentId, Ct))!
            .Single(d => d.CoopId == sp).Deadlines.Single(d => d.Kind == DeadlineKind.ChannelDeclaration);
        Assert.Equal("DECL-7", declaration.Filed?.Protocol);
        Assert.False(declaration.MetOnTime);

        await using var auditor = Audit.ActingAs.Scope(fixture.Host, AppRoles.Auditor);
        Assert.True((await auditor.ServiceProvider.GetRequiredService<FilingService>().RecordChannelsDeclarationAsync(incidentId, sp, "X", DateTime.UtcNow, Ct)).IsForbidden);
    }
}
