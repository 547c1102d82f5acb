using IncidentDesk.Core.Compliance;
using IncidentDesk.IntegrationTests.Incidents;
using IncidentDesk.Web.Features.Audit;
using IncidentDesk.Web.Features.Compliance;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using IncidentDesk.Web.Outcomes;

namespace IncidentDesk.IntegrationTests.Compliance;

/// <summary>
/// Extra closures configured by officers (issue 6, item 1): they move the latest-defensible deadline of every
/// controller co-op at once, the working deadline never; every change and every refused attempt is audited.
/// </summary>
public sealed class ClosureTests(OwnHostFixture fixture) : IClassFixture<OwnHostFixture>
{
    // The reference incident's co-ops knew on Mon 6 Apr 2026, 17:00 Brasília: the ANPD deadline is Thu 9 Apr.
    private static readonly DateOnly Working = new(2026, 4, 9);
    private static readonly DateOnly Wednesday = new(2026, 4, 8);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_officers_closure_moves_only_the_latest_defensible_deadline_and_is_audited_both_ways()
    {
        var incidentId = await fixture.ReferenceIncidentIdAsync();
        await using var officer = Audit.ActingAs.Scope(fixture.Host, "PrivacyOfficer");
        var calendar = officer.ServiceProvider.GetRequiredService<CalendarService>();
        var deadlines = officer.ServiceProvider.GetRequiredService<DeadlineService>();

        var before = Anpd(await deadlines.ForIncidentAsync(incidentId, Ct));
        var added = await calendar.AddAsync(Wednesday, "Feriado municipal na sede da autoridade", Ct);
        var during = Anpd(await deadlines.ForIncidentAsync(incidentId, Ct));
        var removed = await calendar.RemoveAsync(added.Value, Ct);
        var after = Anpd(await deadlines.ForIncidentAsync(incidentId, Ct));

        Assert.True(added.Succeeded);
        Assert.True(removed.Succeeded);
        Assert.All(before, d => Assert.Equal((Working, Working), (d.Working, d.LatestDefensible)));
        Assert.Equal(3, during.Count);
        Assert.All(during, d => Assert.Equal((Working, new DateOnly(2026, 4, 10)), (d.Working, d.LatestDefensible)));
        Assert.All(after, d => Assert.Equal((Working, Working), (d.Working, d.LatestDefensible)));

        await using var db = fixture.CreateDb();
        var trail = await db.AuditEntries.AsNoTracking().Where(e => e.EntityType == nameof(BusinessClosure)
            && e.EntityId == added.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)).Select(e => e.Action).ToListAsync(Ct);
        Assert.Equal(2, trail.Count);
        Assert.All(trail, a => Assert.StartsWith("BusinessClosure.", a, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("CoopLiaison")]
    [InlineData("Auditor")]
    public async Task Only_officers_change_the_calendar_and_a_refusal_is_audited(string role)
    {
        int? coopId = role == "CoopLiaison" ? await CoopIdAsync("SP-004") : null;
        await using var scope = Audit.ActingAs.Scope(fixture.Host, role, coopId);
        var calendar = scope.ServiceProvider.GetRequiredService<CalendarService>();

        Assert.True((await calendar.AddAsync(new DateOnly(2026, 4, 7), "Tentativa", Ct)).IsForbidden);

        var actor = $"{role.ToLowerInvariant()}@federacao.example";
        await using var db = fixture.CreateDb();
        Assert.False(await db.BusinessClosures.AnyAsync(c => c.Date == new DateOnly(2026, 4, 7), Ct));
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == AuditActions.AccessDenied && e.EntityType == nameof(BusinessClosure)
            && e.EntityId == "2026-04-07" && e.ActorName == actor, Ct));
    }

    [Fact]
    public async Task A_closure_needs_a_business_day_a_reason_of_at_most_200_characters_and_one_per_day()
    {
        await using var officer = Audit.ActingAs.Scope(fixture.Host, "PrivacyOfficer");
        var calendar = officer.ServiceProvider.GetRequiredService<CalendarService>();
        var day = new DateOnly(2026, 5, 12);

        var saturday = await calendar.AddAsync(new DateOnly(2026, 5, 9), "Sábado", Ct);
        var holiday = await calendar.AddAsync(new DateOnly(2026, 11, 20), "Consciência Negra", Ct);
        var noReason = await calendar.AddAsync(day, "  ", Ct);
        var tooLong = await calendar.AddAsync(day, new string('x', 201), Ct);
        var noDate = await calendar.AddAsync(null, "Sem data", Ct);
        var first = await calendar.AddAsync(day, "Ponto facultativo decretado na sede", Ct);
        var second = await calendar.AddAsync(day, "De novo", Ct);
        await calendar.RemoveAsync(first.Value, Ct);

        Assert.Equal(ClosureErrors.NotClosable, saturday.ErrorCodes[ClosureFields.Date]);
        Assert.Equal(ClosureErrors.NotClosable, holiday.ErrorCodes[ClosureFields.Date]);
        Assert.Equal(ClosureErrors.Required, noReason.ErrorCodes[ClosureFields.Reason]);
        Assert.Equal(ClosureErrors.TooLong, tooLong.ErrorCodes[ClosureFields.Reason]);
        Assert.Equal(ClosureErrors.Required, noDate.ErrorCodes[ClosureFields.Date]);
        Assert.True(first.Succeeded);
        Assert.Equal(ClosureErrors.Duplicate, second.ErrorCodes[ClosureFields.Date]);
    }

    [Fact]
    public async Task A_closures_reason_shows_literally_in_the_list()
    {
        await using var officer = Audit.ActingAs.Scope(fixture.Host, "PrivacyOfficer");
        var calendar = officer.ServiceProvider.GetRequiredService<CalendarService>();
        var day = new DateOnly(2027, 3, 3);

        var added = await calendar.AddAsync(day, "<script>alert(1)</script>", Ct);
        var listed = await calendar.ClosuresAsync(2027, Ct);
        await calendar.RemoveAsync(added.Value, Ct);

        Assert.Equal("<script>alert(1)</script>", Assert.Single(listed.Value, c => c.Date == day).Reason);
    }

    private static List<DeadlineView> Anpd(IReadOnlyList<CoopDeadlines>? coops) =>
        [.. Assert.IsAssignableFrom<IReadOnlyList<CoopDeadlines>>(coops).Select(c => c.Deadlines.Single(d => d.Kind == DeadlineKind.AnpdCommunication))];

    private async Task<int> CoopIdAsync(string code)
    {
        await using var db = fixture.CreateDb();
        return await db.Coops.Where(c => c.Code == code).Select(c => c.Id).SingleAsync(Ct);
    }
}
