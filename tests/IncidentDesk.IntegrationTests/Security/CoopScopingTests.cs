using System.Net;
using IncidentDesk.Data;
using IncidentDesk.Data.Seeding;
using IncidentDesk.Testing;
using IncidentDesk.Web.Features.Coops;
using IncidentDesk.Web.Features.Incidents;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentDesk.IntegrationTests.Security;

/// <summary>
/// A liaison reads only their own co-op's data, enforced in the services: another co-op's ids answer
/// "not found" (never "forbidden", which would confirm they exist) and the attempt is audited.
/// </summary>
public sealed class CoopScopingTests(AppFixture app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<int> CoopIdAsync(string code)
    {
        await using var db = await app.Host.Services.GetRequiredService<FederationWideDb>().CreateDbContextAsync(Ct);
        return (await db.Coops.SingleAsync(c => c.Code == code, Ct)).Id;
    }

    private async Task<int> ReferenceIncidentIdAsync()
    {
        await using var db = await app.Host.Services.GetRequiredService<FederationWideDb>().CreateDbContextAsync(Ct);
        return (await db.Incidents.SingleAsync(i => i.Reference == ReferenceIncidentSeed.Reference, Ct)).Id;
    }

    private async Task<int> DeniedEntriesAsync(string actorEmail, string entityType, int id)
    {
        await using var db = await app.Host.Services.GetRequiredService<FederationWideDb>().CreateDbContextAsync(Ct);
        var entityId = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await db.AuditEntries.CountAsync(e => e.Action == "Access.Denied" && e.ActorName == actorEmail
            && e.EntityType == entityType && e.EntityId == entityId, Ct);
    }

    [Fact]
    public async Task Liaison_directory_holds_only_their_coop_and_another_coops_id_is_not_found_and_audited()
    {
        var liaison = await TestAccounts.CreateAsync(app.Host, "CoopLiaison", "RJ-001", twoFactor: false);
        var other = await CoopIdAsync("SP-004");
        await using var scope = await app.Host.ActingAsAsync(liaison);
        var directory = scope.ServiceProvider.GetRequiredService<CoopDirectoryService>();

        var page = await directory.SearchAsync(new CoopQuery(PageSize: 500), Ct);
        var byText = await directory.SearchAsync(new CoopQuery(Text: "SP-004"), Ct);
        var stranger = await directory.GetAsync(other, Ct);

        Assert.Equal("RJ-001", Assert.Single(page.Rows).Code);
        Assert.Empty(byText.Rows);
        Assert.Null(stranger);
        Assert.Equal(1, await DeniedEntriesAsync(liaison.Email, "Coop", other));
        Assert.NotNull(await directory.GetAsync(await CoopIdAsync("RJ-001"), Ct));
    }

    [Fact]
    public async Task Liaison_of_an_involved_coop_reads_the_shared_parts_of_the_incident()
    {
        var liaison = await TestAccounts.CreateAsync(app.Host, "CoopLiaison", "SP-004", twoFactor: false);
        await using var scope = await app.Host.ActingAsAsync(liaison);
        var incidents = scope.ServiceProvider.GetRequiredService<IncidentService>();

        var list = await incidents.ListAsync(Ct);
        var overview = await incidents.GetOverviewAsync(await ReferenceIncidentIdAsync(), Ct);

        Assert.Single(list);
        Assert.NotNull(overview);
        Assert.Equal("SP-004", Assert.Single(overview.Involvements).Code);
        Assert.Null(overview.ReporterName);
        Assert.NotEmpty(overview.Timeline);
        // The incident page's Timeline tab reads the same shared events on its own; the page's overview holds none.
        var timeline = scope.ServiceProvider.GetRequiredService<IncidentDesk.Web.Features.Incidents.Timeline.TimelineService>();
        Assert.Equal(overview.Timeline, (await timeline.ListAsync(await ReferenceIncidentIdAsync(), cancellationToken: Ct))!.Items);
        Assert.Empty((await incidents.GetPageOverviewAsync(await ReferenceIncidentIdAsync(), Ct))!.Timeline);
        Assert.All(overview.Timeline, e => Assert.True(e.SharedWithCoops));
    }

    [Fact]
    public async Task Liaison_of_an_uninvolved_coop_gets_404_for_the_incident_page_and_the_attempt_is_audited()
    {
        var liaison = await TestAccounts.CreateAsync(app.Host, "CoopLiaison", "RJ-001", twoFactor: false);
        var incidentId = await ReferenceIncidentIdAsync();
        using var client = app.Host.CreateBrowserClient();
        using var login = await SignIn.SignInAsync(client, liaison);

        using var page = await client.GetAsync(new Uri($"incidents/{incidentId}", UriKind.Relative), Ct);
        using var list = await client.GetAsync(new Uri("incidents", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.DoesNotContain("Kafka", await page.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.DoesNotContain(ReferenceIncidentSeed.Reference, await list.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(1, await DeniedEntriesAsync(liaison.Email, "Incident", incidentId));
    }

    [Fact]
    public async Task Officer_sees_the_whole_federation()
    {
        var officer = await TestAccounts.CreateAsync(app.Host, "PrivacyOfficer");
        await using var scope = await app.Host.ActingAsAsync(officer);

        var page = await scope.ServiceProvider.GetRequiredService<CoopDirectoryService>().SearchAsync(new CoopQuery(), Ct);
        var overview = await scope.ServiceProvider.GetRequiredService<IncidentService>().GetOverviewAsync(await ReferenceIncidentIdAsync(), Ct);

        Assert.Equal(340, page.TotalCount);
        Assert.Equal(3, overview!.Involvements.Count);
        Assert.NotNull(overview.ReporterName);
    }

    [Fact]
    public async Task A_liaison_account_without_a_coop_sees_nothing()
    {
        var orphan = await TestAccounts.CreateAsync(app.Host, "CoopLiaison", twoFactor: false);
        await using var scope = await app.Host.ActingAsAsync(orphan);

        var page = await scope.ServiceProvider.GetRequiredService<CoopDirectoryService>().SearchAsync(new CoopQuery(), Ct);
        var list = await scope.ServiceProvider.GetRequiredService<IncidentService>().ListAsync(Ct);

        Assert.Equal(0, page.TotalCount);
        Assert.Empty(list);
    }
}
