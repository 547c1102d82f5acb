using System.Globalization;
using IncidentDesk.Core.Common;
using IncidentDesk.Core.Timeline;
using IncidentDesk.Testing;
using IncidentDesk.Web.Features.Audit;
using IncidentDesk.Web.Features.Incidents;
using IncidentDesk.Web.Features.Incidents.Intake;
using IncidentDesk.Web.Features.Incidents.Timeline;
using IncidentDesk.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using IncidentDesk.Web.Outcomes;

namespace IncidentDesk.IntegrationTests.Incidents;

/// <summary>
/// Manual events can be corrected, and the correction never erases what the record said before: earlier versions come
/// back from the audit trail. The desk's own automatic events are never edited, and only officers edit anything.
/// </summary>
public sealed class TimelineEditTests(OwnHostFixture fixture) : IClassFixture<OwnHostFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static ManualEventInput Input(string title, TimelineEventKind kind = TimelineEventKind.Fact, bool shared = true,
        string source = "Relatório dos pesquisadores") =>
        new(new PartialDateInput(2026, 4, 6, new TimeOnly(17, 0), TimePrecision.Exact), title, "Descrição inicial.", source, shared, kind);

    private async Task<int> AddAsync(ManualEventInput input)
    {
        await using var scope = Audit.ActingAs.Scope(fixture.Host, AppRoles.PrivacyOfficer);
        var result = await scope.ServiceProvider.GetRequiredService<TimelineService>()
            .AddEventAsync(await fixture.ReferenceIncidentIdAsync(), input, Ct);
        Assert.True(result.Succeeded, string.Join(", ", result.Errors));
        return result.Value;
    }

    [Fact]
    public async Task An_officer_edits_a_manual_event_which_is_marked_edited_and_keeps_every_earlier_version()
    {
        var original = $"Pesquisadores avisam a federação {Guid.NewGuid():N}";
        var id = await AddAsync(Input(original));
        var corrected = original.Replace("avisam", "notificam", StringComparison.Ordinal);

        await using (var officer = Audit.ActingAs.Scope(fixture.Host, AppRoles.PrivacyOfficer))
        {
            var timeline = officer.ServiceProvider.GetRequiredService<TimelineService>();
            var first = await timeline.UpdateEventAsync(id, Input(corrected), Ct);
            Assert.True(first.Succeeded, string.Join(", ", first.Errors));
            var second = await timeline.UpdateEventAsync(id, Input(corrected, TimelineEventKind.Action, shared: false, source: "E-mail"), Ct);
            Assert.True(second.Succeeded, string.Join(", ", second.Errors));
        }

        await using var db = fixture.CreateDb();
        var stored = await db.TimelineEvents.AsNoTracking().SingleAsync(e => e.Id == id, Ct);
        Assert.Equal(corrected, stored.Title);
        Assert.Equal(TimelineEventKind.Action, stored.Kind);
        Assert.False(stored.SharedWithCoops);
        Assert.Equal("privacyofficer@federacao.example", stored.EditedBy);
        Assert.NotNull(stored.EditedAtUtc);

        await using var auditor = Audit.ActingAs.Scope(fixture.Host, AppRoles.Auditor);
        var versions = await auditor.ServiceProvider.GetRequiredService<TimelineService>().HistoryAsync(id, Ct);
        Assert.NotNull(versions);
        Assert.Equal(3, versions.Count);
        Assert.Equal((original, TimelineEventKind.Fact, true), (versions[0].Title, versions[0].Kind, versions[0].SharedWithCoops));
        Assert.Empty(versions[0].Changed);
        Assert.Equal(corrected, versions[1].Title);
        Assert.Equal(["Title"], versions[1].Changed);
        Assert.Equal(["Kind", "SharedWithCoops", "Source"], versions[2].Changed.Order());
        Assert.Equal(("E-mail", corrected), (versions[2].Source, versions[2].Title));
        Assert.All(versions, v => Assert.Equal(new DateTime(2026, 4, 6, 20, 0, 0, DateTimeKind.Utc), v.OccurredAtUtc));
    }

    [Fact]
    public async Task A_seeded_event_without_a_creation_line_still_shows_its_original_version_after_an_edit()
    {
        var incidentId = await fixture.ReferenceIncidentIdAsync();
        await using var db = fixture.CreateDb();
        var seeded = await db.TimelineEvents.AsNoTracking()
            .Where(e => e.IncidentId == incidentId && e.Kind == TimelineEventKind.Fact && e.EditedAtUtc == null)
            .OrderBy(e => e.Id).FirstAsync(Ct);
        var key = seeded.Id.ToString(CultureInfo.InvariantCulture);
        Assert.False(await db.AuditEntries.AnyAsync(e => e.EntityType == nameof(TimelineEvent) && e.EntityId == key, Ct));
        var local = PartialDate.FromUtc(seeded.OccurredAtUtc, seeded.Precision).Local;
        var input = new ManualEventInput(
            new PartialDateInput(local.Year, local.Month, seeded.Precision == TimePrecision.Month ? null : local.Day,
                seeded.Precision == TimePrecision.Exact ? TimeOnly.FromDateTime(local) : null, seeded.Precision),
            seeded.Title + " (corrigido)", seeded.Description, seeded.Source, seeded.SharedWithCoops, seeded.Kind);

        await using var officer = Audit.ActingAs.Scope(fixture.Host, AppRoles.PrivacyOfficer);
        var timeline = officer.ServiceProvider.GetRequiredService<TimelineService>();
        Assert.True((await timeline.UpdateEventAsync(seeded.Id, input, Ct)).Succeeded);
        var versions = await timeline.HistoryAsync(seeded.Id, Ct);

        Assert.NotNull(versions);
        Assert.Equal([seeded.Title, seeded.Title + " (corrigido)"], versions.Select(v => v.Title));
        Assert.Equal((seeded.Source, seeded.RecordedBy), (versions[0].Source, versions[0].Who));
        Assert.Equal(["Title"], versions[1].Changed);
    }

    [Fact]
    public async Task Saving_an_unchanged_event_marks_nothing_and_writes_no_audit_line()
    {
        var title = $"Reunião com o fornecedor {Guid.NewGuid():N}";
        var id = await AddAsync(Input(title, TimelineEventKind.Action));
        await using var before = fixture.CreateDb();
        var lines = await before.AuditEntries.CountAsync(Ct);

        await using var officer = Audit.ActingAs.Scope(fixture.Host, AppRoles.PrivacyOfficer);
        var result = await officer.ServiceProvider.GetRequiredService<TimelineService>().UpdateEventAsync(id, Input(title, TimelineEventKind.Action), Ct);

        Assert.True(result.Succeeded);
        await using var after = fixture.CreateDb();
        Assert.Null((await after.TimelineEvents.AsNoTracking().SingleAsync(e => e.Id == id, Ct)).EditedAtUtc);
        Assert.Equal(lines, await after.AuditEntries.CountAsync(Ct));
    }

    [Fact]
    public async Task An_automatic_event_is_immutable_even_for_an_officer()
    {
        var incidentId = await fixture.ReferenceIncidentIdAsync();
        await using (var seed = fixture.CreateDb())
        {
            seed.TimelineEvents.Add(new TimelineEvent
            {
                IncidentId = incidentId, Kind = TimelineEventKind.Status, Title = "Situação: Triagem → Em investigação",
                Source = "IncidentDesk · officer", OccurredAtUtc = DateTime.UtcNow, RecordedAtUtc = DateTime.UtcNow, RecordedBy = "officer",
            });
            await seed.SaveArrangedAsync(Ct);
        }

        await using var db = fixture.CreateDb();
        var automatic = await db.TimelineEvents.AsNoTracking().Where(e => e.Kind == TimelineEventKind.Status).OrderBy(e => e.Id).LastAsync(Ct);

        await using var officer = Audit.ActingAs.Scope(fixture.Host, AppRoles.PrivacyOfficer);
        var result = await officer.ServiceProvider.GetRequiredService<TimelineService>()
            .UpdateEventAsync(automatic.Id, Input("Reescrevendo a história"), Ct);

        Assert.Equal((ResultStatus.Conflict, TimelineError.Immutable), (result.Status, result.Conflict?.Code));
        await using var after = fixture.CreateDb();
        var unchanged = await after.TimelineEvents.AsNoTracking().SingleAsync(e => e.Id == automatic.Id, Ct);
        Assert.Equal((automatic.Title, automatic.Kind, (DateTime?)null), (unchanged.Title, unchanged.Kind, unchanged.EditedAtUtc));
    }

    [Fact]
    public async Task A_system_kind_is_refused_on_add_and_on_edit()
    {
        var id = await AddAsync(Input($"Fato {Guid.NewGuid():N}"));
        await using var officer = Audit.ActingAs.Scope(fixture.Host, AppRoles.PrivacyOfficer);
        var timeline = officer.ServiceProvider.GetRequiredService<TimelineService>();

        var added = await timeline.AddEventAsync(await fixture.ReferenceIncidentIdAsync(), Input("Falsa mudança de situação", TimelineEventKind.Status), Ct);
        var edited = await timeline.UpdateEventAsync(id, Input("Falsa notificação", TimelineEventKind.Notification), Ct);

        Assert.Equal(TimelineError.NotManualKind, added.ErrorCodes[TimelineField.Kind]);
        Assert.Equal(TimelineError.NotManualKind, edited.ErrorCodes[TimelineField.Kind]);
        await using var db = fixture.CreateDb();
        Assert.Equal(TimelineEventKind.Fact, (await db.TimelineEvents.AsNoTracking().SingleAsync(e => e.Id == id, Ct)).Kind);
    }

    [Fact]
    public async Task An_edit_is_validated_like_an_add_and_an_unknown_event_is_not_found()
    {
        var id = await AddAsync(Input($"Fato {Guid.NewGuid():N}"));
        await using var officer = Audit.ActingAs.Scope(fixture.Host, AppRoles.PrivacyOfficer);
        var timeline = officer.ServiceProvider.GetRequiredService<TimelineService>();

        var invalid = await timeline.UpdateEventAsync(id, Input(" ") with { OccurredAt = new PartialDateInput(2025, 2, 29, null, TimePrecision.Day) }, Ct);
        var missing = await timeline.UpdateEventAsync(int.MaxValue, Input("Qualquer"), Ct);

        Assert.Equal(ResultStatus.Invalid, invalid.Status);
        Assert.Equal(TimelineError.Required, invalid.ErrorCodes[TimelineField.Title]);
        Assert.Equal(TimelineError.InvalidDate, invalid.ErrorCodes[TimelineField.OccurredAt]);
        Assert.True(missing.IsNotFound);
    }

    [Theory]
    [InlineData(AppRoles.CoopLiaison, "RJ-001")]
    [InlineData(AppRoles.CoopLiaison, "SP-004")]
    [InlineData(AppRoles.Auditor, null)]
    public async Task Nobody_but_officers_edits_and_the_attempt_is_audited(string role, string? coop)
    {
        // One event on the reference incident (SP-004 is involved) and one on a new incident nobody but officers sees.
        var visible = await AddAsync(Input($"Compartilhado {Guid.NewGuid():N}"));
        int hidden;
        await using (var officer = Audit.ActingAs.Scope(fixture.Host, AppRoles.PrivacyOfficer))
        {
            var created = await officer.ServiceProvider.GetRequiredService<IncidentRegisterService>().CreateAsync(IntakeTests.Draft($"Outro {Guid.NewGuid():N}"), Ct);
            var added = await officer.ServiceProvider.GetRequiredService<TimelineService>().AddEventAsync(created.Value.Id, Input("Interno"), Ct);
            hidden = added.Value;
        }

        var account = await TestAccounts.CreateAsync(fixture.Host, role, coop);
        foreach (var id in new[] { visible, hidden })
        {
            await using (var scope = await fixture.Host.ActingAsAsync(account))
            {
                var timeline = scope.ServiceProvider.GetRequiredService<TimelineService>();
                Assert.True((await timeline.UpdateEventAsync(id, Input("Alterado por quem não pode"), Ct)).IsForbidden);
            }

            await using var db = fixture.CreateDb();
            var key = id.ToString(CultureInfo.InvariantCulture);
            Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == AuditActions.AccessDenied && e.ActorName == account.Email
                && e.EntityType == nameof(TimelineEvent) && e.EntityId == key, Ct));
            Assert.Null((await db.TimelineEvents.AsNoTracking().SingleAsync(e => e.Id == id, Ct)).EditedAtUtc);
        }
    }

    [Fact]
    public async Task A_liaison_gets_no_history_of_an_event_and_the_attempt_is_audited()
    {
        var id = await AddAsync(Input($"Compartilhado {Guid.NewGuid():N}"));
        var liaison = await TestAccounts.CreateAsync(fixture.Host, AppRoles.CoopLiaison, "SP-004");
        await using (var scope = await fixture.Host.ActingAsAsync(liaison))
        {
            Assert.Null(await scope.ServiceProvider.GetRequiredService<TimelineService>().HistoryAsync(id, Ct));
        }

        await using var db = fixture.CreateDb();
        var key = id.ToString(CultureInfo.InvariantCulture);
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == AuditActions.AccessDenied && e.ActorName == liaison.Email
            && e.EntityType == nameof(TimelineEvent) && e.EntityId == key, Ct));
    }
}
