using IncidentDesk.Core.Campaigns;
using IncidentDesk.Data;
using IncidentDesk.Testing;
using IncidentDesk.Web.Features.Campaigns;
using IncidentDesk.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentDesk.IntegrationTests.Campaigns;

/// <summary>A launch that fails part-way leaves nothing behind: no campaign, no task, no timeline event, no audit entry.</summary>
public sealed class CampaignAtomicityTests
{
    [Fact]
    public async Task A_failure_after_hundreds_of_inserts_rolls_the_whole_launch_back()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = new IncidentDeskHost();
        host.Start();
        var dbFactory = host.Services.GetRequiredService<FederationWideDb>();
        int incidentId;
        long auditBefore;
        int eventsBefore;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            incidentId = await db.Incidents.Select(i => i.Id).SingleAsync(ct);
            auditBefore = await db.AuditEntries.CountAsync(ct);
            eventsBefore = await db.TimelineEvents.CountAsync(ct);
            // The disk fills up, the process is killed… simulated: the 501st co-op task of a campaign cannot be written.
            await RawSql.ExecuteAsync(host, IncidentDeskHost.Provider == DatabaseProvider.PostgreSQL
                ? """
                  CREATE FUNCTION simulated_failure() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
                      IF (SELECT COUNT(*) FROM "CoopTasks" WHERE "CampaignId" = NEW."CampaignId") >= 500 THEN
                          RAISE EXCEPTION 'simulated failure';
                      END IF;
                      RETURN NEW;
                  END $$;
                  CREATE TRIGGER simulated_failure BEFORE INSERT ON "CoopTasks" FOR EACH ROW EXECUTE FUNCTION simulated_failure();
                  """
                : """
                  CREATE TRIGGER simulated_failure BEFORE INSERT ON CoopTasks
                  WHEN (SELECT COUNT(*) FROM CoopTasks WHERE CampaignId = NEW.CampaignId) >= 500
                  BEGIN SELECT RAISE(ABORT, 'simulated failure'); END;
                  """);
        }

        await using (var scope = Audit.ActingAs.Scope(host, AppRoles.PrivacyOfficer))
        {
            var campaigns = scope.ServiceProvider.GetRequiredService<CampaignService>();
            CampaignTaskInput[] tasks = [.. Enumerable.Range(1, 4).Select(i => new CampaignTaskInput($"Tarefa {i}", null, 2, false, TaskAnswerType.StatusOnly))];
            await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() =>
                campaigns.LaunchAsync(new CampaignLaunch(incidentId, "Campanha interrompida", null, tasks, CampaignAudience.AllCoops), ct));
        }

        await using var check = await dbFactory.CreateDbContextAsync(ct);
        Assert.Equal(0, await check.Campaigns.CountAsync(ct));
        Assert.Equal(0, await check.CampaignTasks.CountAsync(ct));
        Assert.Equal(0, await check.CoopTasks.CountAsync(ct));
        Assert.Equal(eventsBefore, await check.TimelineEvents.CountAsync(ct));
        Assert.Equal(auditBefore, await check.AuditEntries.CountAsync(ct));
    }
}
