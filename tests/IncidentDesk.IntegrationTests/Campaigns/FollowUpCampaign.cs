using IncidentDesk.Core.Campaigns;
using IncidentDesk.IntegrationTests.Incidents;
using IncidentDesk.Web.Features.Campaigns;
using IncidentDesk.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using IncidentDesk.Testing;

namespace IncidentDesk.IntegrationTests.Campaigns;

/// <summary>
/// A campaign of two tasks to the co-ops of Acre, launched through the service, whose due dates are then moved into
/// the past (task 1 five days ago, task 2 two days ago) so that unfinished tasks are overdue now.
/// </summary>
internal sealed class FollowUpCampaign(OwnHostFixture fixture, int campaignId, IReadOnlyList<string> coopCodes)
{
    public int Id => campaignId;

    /// <summary>The co-ops of the campaign by code, in code order.</summary>
    public IReadOnlyList<string> CoopCodes => coopCodes;

    public static async Task<FollowUpCampaign> LaunchAsync(OwnHostFixture fixture, string title, CancellationToken ct)
    {
        var incidentId = await fixture.ReferenceIncidentIdAsync();
        await using var scope = Audit.ActingAs.Scope(fixture.Host, AppRoles.PrivacyOfficer);
        var result = await scope.ServiceProvider.GetRequiredService<CampaignService>().LaunchAsync(new CampaignLaunch(incidentId, title, null,
        [
            new("Informar se o aplicativo é usado", null, 2, false, TaskAnswerType.Text),
            new("Trocar credenciais", null, 3, false, TaskAnswerType.StatusOnly),
        ], CampaignAudience.Uf, "AC"), ct);
        Assert.True(result.Succeeded, string.Join(", ", result.Errors));
        var id = result.Value.CampaignId;

        await using var db = fixture.CreateDb();
        var now = DateTime.UtcNow;
        var tasks = await db.CampaignTasks.Where(t => t.CampaignId == id).OrderBy(t => t.Order).ToListAsync(ct);
        tasks[0].DueAtUtc = now.AddDays(-5);
        tasks[1].DueAtUtc = now.AddDays(-2);
        await db.SaveArrangedAsync(ct);
        var codes = await db.CoopTasks.Where(t => t.CampaignId == id).Select(t => t.CoopId).Distinct()
            .Join(db.Coops, c => c, coop => coop.Id, (_, coop) => coop.Code).OrderBy(c => c).ToListAsync(ct);
        return new FollowUpCampaign(fixture, id, codes);
    }

    /// <summary>Answers the co-op's task (1 or 2) as an officer would, through the task service and its rules.</summary>
    public async Task AnswerAsync(string coopCode, int order, CoopTaskStatus status, string? answer, CancellationToken ct)
    {
        await using var db = fixture.CreateDb();
        var task = await db.CoopTasks.Where(t => t.CampaignId == campaignId && t.CampaignTask!.Order == order)
            .Join(db.Coops.Where(c => c.Code == coopCode), t => t.CoopId, c => c.Id, (t, _) => t).SingleAsync(ct);
        await using var scope = Audit.ActingAs.Scope(fixture.Host, AppRoles.PrivacyOfficer);
        var result = await scope.ServiceProvider.GetRequiredService<CoopTaskService>()
            .UpdateStatusAsync(task.Id, new TaskStatusInput(status, status switch { CoopTaskStatus.NotApplicable => "Não usamos", CoopTaskStatus.Blocked => "Aguardando fornecedor", _ => null }, answer, task.Version), ct);
        Assert.True(result.Succeeded, result.ToString());
    }
}
