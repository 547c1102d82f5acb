using System.Globalization;
using System.Net;
using System.Text.Json;
using IncidentDesk.Core.Audit;
using IncidentDesk.Data;
using IncidentDesk.Testing;
using IncidentDesk.Web.Features.Audit;
using IncidentDesk.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using IncidentDesk.Data.Audit;

namespace IncidentDesk.IntegrationTests.Audit;

public sealed class AuditTrailTests(AppFixture app)
{
    private IncidentDeskDbContext CreateDb() =>
        app.Host.Services.GetRequiredService<FederationWideDb>().CreateDbContext();

    [Fact]
    public async Task A_coop_update_saved_through_the_audit_log_writes_exactly_one_entry_with_that_fields_before_and_after()
    {
        var ct = TestContext.Current.CancellationToken;
        var actor = new AuditActor("test-officer", $"officer-{Guid.NewGuid():N}@federacao.example");
        await using var scope = app.Host.Services.CreateAsyncScope();
        await using var db = CreateDb();
        var coop = await db.Coops.SingleAsync(c => c.Code == "RR-001", ct);
        var lastBefore = await db.AuditEntries.MaxAsync(e => (long?)e.Sequence, ct) ?? 0;
        var oldPhone = coop.EncarregadoPhone;
        var newPhone = $"(95) 9{Random.Shared.Next(1000, 9999)}-{Random.Shared.Next(1000, 9999)}";

        coop.EncarregadoPhone = newPhone;
        await scope.ServiceProvider.GetRequiredService<AuditLog>().SaveChangesAsync(db, actor: actor, cancellationToken: ct);

        await using var check = CreateDb();
        var coopId = coop.Id.ToString(CultureInfo.InvariantCulture);
        var entries = await check.AuditEntries.AsNoTracking()
            .Where(e => e.Sequence > lastBefore && (e.ActorName == actor.Name || (e.EntityType == "Coop" && e.EntityId == coopId)))
            .ToListAsync(ct);
        var entry = Assert.Single(entries);
        Assert.Equal("Coop.Updated", entry.Action);
        Assert.Equal("Coop", entry.EntityType);
        Assert.Equal(coopId, entry.EntityId);
        Assert.Equal(actor.Id, entry.ActorId);
        using var changes = JsonDocument.Parse(entry.Changes!);
        var field = Assert.Single(changes.RootElement.EnumerateObject());
        Assert.Equal("EncarregadoPhone", field.Name);
        Assert.Equal(oldPhone, field.Value.GetProperty("from").GetString());
        Assert.Equal(newPhone, field.Value.GetProperty("to").GetString());
        Assert.Equal(newPhone, (await check.Coops.SingleAsync(c => c.Id == coop.Id, ct)).EncarregadoPhone);
    }

    [Fact]
    public async Task Search_filters_by_actor_action_family_entity_and_time_newest_first_in_pages()
    {
        var ct = TestContext.Current.CancellationToken;
        var actor = new AuditActor(null, $"probe-{Guid.NewGuid():N}");
        await using var scope = ActingAs.Scope(app.Host, AppRoles.Auditor);
        var log = scope.ServiceProvider.GetRequiredService<AuditLog>();
        var before = DateTime.UtcNow.AddSeconds(-1);
        await log.AppendAsync(new AuditRecord("Probe.Created", "Probe", "7"), actor, ct);
        await log.AppendAsync(new AuditRecord("Probe.Updated", "Probe", "7"), actor, ct);
        await log.AppendAsync(new AuditRecord("ProbeX.Created", "Other", "8"), actor, ct);
        var trail = scope.ServiceProvider.GetRequiredService<AuditTrailService>();

        async Task<AuditSearchResult> Search(AuditQuery query) => (await trail.SearchAsync(query, ct)).Value;

        var all = await Search(new AuditQuery(Actor: actor.Name[..20]));
        Assert.Equal(3, all.TotalCount);
        Assert.Equal(["ProbeX.Created", "Probe.Updated", "Probe.Created"], all.Rows.Select(r => r.Action));
        Assert.True(all.Rows[0].Sequence > all.Rows[1].Sequence && all.Rows[1].Sequence > all.Rows[2].Sequence);

        Assert.Equal(2, (await Search(new AuditQuery(Actor: actor.Name, Action: "Probe"))).TotalCount);
        Assert.Equal(3, (await Search(new AuditQuery(Actor: actor.Name, Action: "Probe*"))).TotalCount);
        Assert.Equal("Probe.Updated", Assert.Single((await Search(new AuditQuery(Actor: actor.Name, Action: "Probe.Updated"))).Rows).Action);
        Assert.Equal(2, (await Search(new AuditQuery(Actor: actor.Name, EntityType: "Probe", EntityId: "7"))).TotalCount);
        Assert.Equal(0, (await Search(new AuditQuery(Actor: actor.Name, EntityId: "9"))).TotalCount);
        Assert.Equal(3, (await Search(new AuditQuery(Actor: actor.Name, FromUtc: before, ToUtc: DateTime.UtcNow.AddSeconds(1)))).TotalCount);
        Assert.Equal(0, (await Search(new AuditQuery(Actor: actor.Name, FromUtc: DateTime.UtcNow.AddMinutes(1)))).TotalCount);
        Assert.Equal(0, (await Search(new AuditQuery(Actor: actor.Name, ToUtc: before))).TotalCount);

        var second = await Search(new AuditQuery(Actor: actor.Name, Page: 1, PageSize: 2));
        Assert.Equal(3, second.TotalCount);
        Assert.Equal("Probe.Created", Assert.Single(second.Rows).Action);
    }

    [Fact]
    public async Task A_liaison_asking_the_service_for_the_trail_is_refused_and_the_attempt_is_audited()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var scope = ActingAs.Scope(app.Host, AppRoles.CoopLiaison, coopId: 1);
        var user = scope.ServiceProvider.GetRequiredService<CurrentUser>();
        var trail = scope.ServiceProvider.GetRequiredService<AuditTrailService>();

        Assert.True((await trail.SearchAsync(new AuditQuery(), ct)).IsForbidden);
        Assert.True((await trail.VerifyAsync(cancellationToken: ct)).IsForbidden);

        await using var db = CreateDb();
        var denials = await db.AuditEntries.AsNoTracking()
            .Where(e => e.ActorId == user.UserId).Select(e => new { e.Action, e.EntityType }).ToListAsync(ct);
        Assert.Equal(2, denials.Count);
        Assert.All(denials, d => Assert.Equal((AuditActions.AccessDenied, AuditTrailService.EntityName), (d.Action, d.EntityType)));
        Assert.DoesNotContain(await db.AuditEntries.AsNoTracking().Where(e => e.ActorId == user.UserId).Select(e => e.Action).ToListAsync(ct),
            a => a == AuditActions.AuditVerified);
    }

    [Fact]
    public async Task An_officer_verifies_the_shared_chain_as_intact_and_the_check_is_itself_audited()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var scope = ActingAs.Scope(app.Host, AppRoles.PrivacyOfficer);
        var userId = scope.ServiceProvider.GetRequiredService<CurrentUser>().UserId;

        var result = (await scope.ServiceProvider.GetRequiredService<AuditTrailService>().VerifyAsync(cancellationToken: ct)).Value;

        Assert.True(result.IsIntact, result.Problem);
        Assert.True(result.EntriesChecked > 0);
        await using var db = CreateDb();
        Assert.Equal(AuditActions.AuditVerified, (await db.AuditEntries.SingleAsync(e => e.ActorId == userId, ct)).Action);
    }

    [Fact]
    public async Task The_audit_page_is_not_served_to_a_signed_in_liaison()
    {
        var liaison = await TestAccounts.CreateAsync(app.Host, AppRoles.CoopLiaison, "SP-004", twoFactor: false);
        using var client = app.Host.CreateBrowserClient();
        using var login = await SignIn.SignInAsync(client, liaison);

        using var page = await client.GetAsync(new Uri("audit", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/account/access-denied", new Uri(app.Host.BaseAddress, page.Headers.Location!).AbsolutePath);
    }

    [Theory]
    [InlineData(AppRoles.Auditor)]
    [InlineData(AppRoles.PrivacyOfficer)]
    public async Task The_audit_page_is_served_to_officers_and_auditors(string role)
    {
        var ct = TestContext.Current.CancellationToken;
        var account = await TestAccounts.CreateAsync(app.Host, role);
        using var client = app.Host.CreateBrowserClient();
        using var login = await SignIn.SignInAsync(client, account);

        using var page = await client.GetAsync(new Uri("audit", UriKind.Relative), ct);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync(ct);
        Assert.Contains("Verificar integridade", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"audit-grid\"", html, StringComparison.Ordinal);
    }
}
