using System.Globalization;
using IncidentDesk.Core.Common;
using IncidentDesk.Core.Timeline;
using IncidentDesk.Data;
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

/// <summary>Facts an officer adds to an incident's timeline by hand: validation, precision, sharing with co-ops, access.</summary>
public sealed class ManualTimelineEventTests(OwnHostFixture fixture) : IClassFixture<OwnHostFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DateTime NowBrasilia() => DateTime.SpecifyKind(DateTime.UtcNow + PartialDate.BrasiliaOffset, DateTimeKind.Unspecified);

    private static ManualEventInput Input(string title, bool shared, PartialDateInput? occurredAt = null) =>
        new(occurredAt ?? new PartialDateInput(NowBrasilia().Year, NowBrasilia().Month, null, null, TimePrecision.Month),
            title, "Matéria publicada sobre o vazamento.", "Folha de S.Paulo", shared);

    private async Task<Result<int>> AddAsOfficerAsync(int incidentId, ManualEventInput input)
    {
        var officer = await TestAccounts.CreateAsync(fixture.Host, AppRoles.PrivacyOfficer);
        await using var scope = await fixture.Host.ActingAsAsync(officer);
        return await scope.ServiceProvider.GetRequiredService<TimelineService>().AddEventAsync(incidentId, input, Ct);
    }

    private async Task<IReadOnlyList<TimelineItem>> LiaisonTimelineAsync(int incidentId)
    {
        var liaison = await TestAccounts.CreateAsync(fixture.Host, AppRoles.CoopLiaison, "SP-004");
        await using var scope = await fixture.Host.ActingAsAsync(liaison);
        var overview = await scope.ServiceProvider.GetRequiredService<IncidentService>().GetOverviewAsync(incidentId, Ct);
        Assert.NotNull(overview);
        return overview.Timeline;
    }

    [Fact]
    public async Task A_month_precision_event_shared_with_coops_is_stored_at_brasilia_midnight_of_the_first_and_seen_by_an_involved_liaison()
    {
        var incidentId = await fixture.ReferenceIncidentIdAsync();
        var march = new PartialDateInput(2026, 3, null, null, TimePrecision.Month);
        var title = $"Imprensa noticia o vazamento {Guid.NewGuid():N}";

        var result = await AddAsOfficerAsync(incidentId, Input(title, shared: true, march));

        Assert.True(result.Succeeded, string.Join(", ", result.Errors));
        await using var db = fixture.CreateDb();
        var stored = await db.TimelineEvents.AsNoTracking().SingleAsync(e => e.Id == result.Value, Ct);
        Assert.Equal(incidentId, stored.IncidentId);
        Assert.Equal(TimePrecision.Month, stored.Precision);
        Assert.Equal(new DateTime(2026, 3, 1, 3, 0, 0), DateTime.SpecifyKind(stored.OccurredAtUtc, DateTimeKind.Unspecified));
        Assert.Equal(TimelineEventKind.Fact, stored.Kind);
        Assert.True(stored.SharedWithCoops);
        Assert.Equal("Folha de S.Paulo", stored.Source);
        Assert.True((DateTime.UtcNow - stored.RecordedAtUtc).Duration() < TimeSpan.FromMinutes(5));
        Assert.True(await db.AuditEntries.AnyAsync(
            e => e.EntityType == nameof(TimelineEvent) && e.EntityId == stored.Id.ToString(CultureInfo.InvariantCulture), Ct));

        var seen = await LiaisonTimelineAsync(incidentId);
        var item = Assert.Single(seen, e => e.Title == title);
        Assert.Equal(TimePrecision.Month, item.Precision);
    }

    [Fact]
    public async Task An_officers_only_event_is_not_shown_to_a_liaison_of_an_involved_coop()
    {
        var incidentId = await fixture.ReferenceIncidentIdAsync();
        var title = $"Análise interna do log {Guid.NewGuid():N}";

        var result = await AddAsOfficerAsync(incidentId, Input(title, shared: false));

        Assert.True(result.Succeeded, string.Join(", ", result.Errors));
        Assert.DoesNotContain(await LiaisonTimelineAsync(incidentId), e => e.Title == title);
    }

    [Fact]
    public async Task A_future_date_is_refused_and_nothing_is_stored()
    {
        var incidentId = await fixture.ReferenceIncidentIdAsync();
        var tomorrow = NowBrasilia().AddDays(2);
        var title = $"Evento futuro {Guid.NewGuid():N}";

        var result = await AddAsOfficerAsync(incidentId,
            Input(title, shared: true, new PartialDateInput(tomorrow.Year, tomorrow.Month, tomorrow.Day, null, TimePrecision.Day)));

        Assert.False(result.Succeeded);
        Assert.Equal(TimelineError.InFuture, result.ErrorCodes[TimelineField.OccurredAt]);
        await using var db = fixture.CreateDb();
        Assert.False(await db.TimelineEvents.AnyAsync(e => e.Title == title, Ct));
    }

    [Fact]
    public async Task An_empty_title_and_an_impossible_date_are_refused_per_field()
    {
        var incidentId = await fixture.ReferenceIncidentIdAsync();
        await using var before = fixture.CreateDb();
        var count = await before.TimelineEvents.CountAsync(e => e.IncidentId == incidentId, Ct);

        var result = await AddAsOfficerAsync(incidentId,
            Input("   ", shared: false, new PartialDateInput(2025, 2, 29, null, TimePrecision.Day)) with { Source = "" });

        Assert.False(result.Succeeded);
        Assert.Equal(TimelineError.Required, result.ErrorCodes[TimelineField.Title]);
        Assert.Equal(TimelineError.Required, result.ErrorCodes[TimelineField.Source]);
        Assert.Equal(TimelineError.InvalidDate, result.ErrorCodes[TimelineField.OccurredAt]);
        await using var after = fixture.CreateDb();
        Assert.Equal(count, await after.TimelineEvents.CountAsync(e => e.IncidentId == incidentId, Ct));
    }

    [Fact]
    public async Task An_unknown_incident_gives_not_found()
    {
        var result = await AddAsOfficerAsync(int.MaxValue, Input("Evento", shared: false));

        Assert.True(result.IsNotFound);
        Assert.False(result.Succeeded);
    }

    [Theory]
    [InlineData(AppRoles.CoopLiaison)]
    [InlineData(AppRoles.Auditor)]
    public async Task Liaisons_and_auditors_cannot_add_events_and_the_attempt_is_audited(string role)
    {
        var incidentId = await fixture.ReferenceIncidentIdAsync();
        var account = await TestAccounts.CreateAsync(fixture.Host, role, role == AppRoles.CoopLiaison ? "SP-004" : null);
        var title = $"Tentativa {Guid.NewGuid():N}";
        await using (var scope = await fixture.Host.ActingAsAsync(account))
        {
            var timeline = scope.ServiceProvider.GetRequiredService<TimelineService>();
            Assert.True((await timeline.AddEventAsync(incidentId, Input(title, shared: true), Ct)).IsForbidden);
        }

        await using var db = fixture.CreateDb();
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == AuditActions.AccessDenied && e.ActorName == account.Email
            && e.EntityType == "Incident" && e.EntityId == incidentId.ToString(CultureInfo.InvariantCulture), Ct));
        Assert.False(await db.TimelineEvents.AnyAsync(e => e.Title == title, Ct));
    }

    [Fact]
    public async Task A_script_title_is_stored_verbatim()
    {
        var incidentId = await fixture.ReferenceIncidentIdAsync();
        var title = $"<script>alert('x')</script> {Guid.NewGuid():N}";

        var result = await AddAsOfficerAsync(incidentId, Input(title, shared: true));

        Assert.True(result.Succeeded, string.Join(", ", result.Errors));
        await using var db = fixture.CreateDb();
        Assert.Equal(title, (await db.TimelineEvents.AsNoTracking().SingleAsync(e => e.Id == result.Value, Ct)).Title);
    }
}
