using IncidentDesk.Core.Campaigns;
using IncidentDesk.IntegrationTests.Audit;
using IncidentDesk.IntegrationTests.Incidents;
using IncidentDesk.Web.Features.Campaigns;
using IncidentDesk.Web.Features.Incidents;
using IncidentDesk.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentDesk.IntegrationTests.Campaigns;

/// <summary>A co-op asked to answer tasks about an incident reads its shared facts, though it is not involved.</summary>
public sealed class CampaignVisibilityTests(OwnHostFixture fixture) : IClassFixture<OwnHostFixture>
{
    [Fact]
    public async Task A_liaison_whose_coop_got_tasks_reads_the_shared_incident_and_one_without_tasks_does_not()
    {
        var ct = TestContext.Current.CancellationToken;
        var incidentId = await fixture.ReferenceIncidentIdAsync();
        await using (var officer = ActingAs.Scope(fixture.Host, AppRoles.PrivacyOfficer))
        {
            var launched = await officer.ServiceProvider.GetRequiredService<CampaignService>().LaunchAsync(new CampaignLaunch(
                incidentId, "Confirmar não afetação", null, [new("Usa a integração de chat?", null, 2, false, TaskAnswerType.YesNo)],
                CampaignAudience.Uf, "AC"), ct);
            Assert.True(launched.Succeeded);
        }

        await using var db = fixture.CreateDb();
        var acre = await db.Coops.Where(c => c.Code == "AC-001").Select(c => c.Id).SingleAsync(ct);
        var rio = await db.Coops.Where(c => c.Code == "RJ-001").Select(c => c.Id).SingleAsync(ct);

        IncidentOverview? asked, notAsked;
        await using (var scope = ActingAs.Scope(fixture.Host, AppRoles.CoopLiaison, acre))
        {
            asked = await scope.ServiceProvider.GetRequiredService<IncidentService>().GetOverviewAsync(incidentId, ct);
        }

        await using (var scope = ActingAs.Scope(fixture.Host, AppRoles.CoopLiaison, rio))
        {
            notAsked = await scope.ServiceProvider.GetRequiredService<IncidentService>().GetOverviewAsync(incidentId, ct);
        }

        Assert.NotNull(asked);
        Assert.Empty(asked.Involvements);
        Assert.All(asked.Timeline, e => Assert.True(e.SharedWithCoops));
        Assert.Null(asked.ReporterName);
        Assert.Null(notAsked);
    }
}
