using IncidentDesk.Core.Campaigns;
using IncidentDesk.Core.Incidents;
using IncidentDesk.Data.Seeding;
using IncidentDesk.IntegrationTests.Incidents;
using IncidentDesk.Testing;
using IncidentDesk.Web.Features.Campaigns;
using IncidentDesk.Web.Outcomes;
using IncidentDesk.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentDesk.IntegrationTests.Campaigns;

/// <summary>
/// A fresh incident per test (the duplicate guard is per incident, so tests sharing a host must not share one), with
/// SP-004 as its only controller co-op; launches and cancellations as an officer through the real services.
/// </summary>
internal static class CampaignArrangement
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<int> NewIncidentAsync(this OwnHostFixture fixture, string coopCode = "SP-004")
    {
        await using var db = fixture.CreateDb();
        var coop = await db.Coops.SingleAsync(c => c.Code == coopCode, Ct);
        var now = DateTime.UtcNow;
        var incident = new Incident
        {
            Reference = $"INC-T-{Guid.NewGuid():N}"[..20],
            Title = "Broker de mensagens exposto em teste",
            Summary = "Incidente de teste para campanhas.",
            ReportedAtUtc = now,
            KnowledgeAtUtc = now,
            CreatedAtUtc = now,
            UpdatedAtUtc = now,
        };
        incident.Involvements.Add(new CoopInvolvement { CoopId = coop.Id, Role = InvolvementRole.ControllerAffected, KnowledgeAtUtc = now });
        db.Incidents.Add(incident);
        await db.SaveArrangedAsync(Ct);
        return incident.Id;
    }

    public static async Task<int> SeededPlaybookIdAsync(this OwnHostFixture fixture)
    {
        await using var db = fixture.CreateDb();
        return await db.Playbooks.Where(p => p.Name == PlaybookSeed.ExposedBrokerName).Select(p => p.Id).SingleAsync(Ct);
    }

    public static CampaignLaunch Playbook(int incidentId, int playbookId, string title = "Contenção do broker") =>
        new(incidentId, title, playbookId, null, CampaignAudience.InvolvedCoops);

    public static async Task<Result<LaunchedCampaign>> LaunchAsync(this OwnHostFixture fixture, CampaignLaunch launch)
    {
        await using var scope = Audit.ActingAs.Scope(fixture.Host, AppRoles.PrivacyOfficer);
        return await scope.ServiceProvider.GetRequiredService<CampaignService>().LaunchAsync(launch, Ct);
    }

    public static async Task<Result<CancelledCampaign>> CancelAsync(
        this OwnHostFixture fixture, int campaignId, string? reason, string role = AppRoles.PrivacyOfficer, int? coopId = null)
    {
        await using var scope = Audit.ActingAs.Scope(fixture.Host, role, coopId);
        return await scope.ServiceProvider.GetRequiredService<CampaignCancellationService>().CancelAsync(campaignId, reason, Ct);
    }

    public static async Task<int> CoopIdAsync(this OwnHostFixture fixture, string code)
    {
        await using var db = fixture.CreateDb();
        return await db.Coops.Where(c => c.Code == code).Select(c => c.Id).SingleAsync(Ct);
    }
}
