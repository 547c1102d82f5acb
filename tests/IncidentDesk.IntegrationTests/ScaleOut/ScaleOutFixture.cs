using IncidentDesk.Core.Campaigns;
using IncidentDesk.Data;
using IncidentDesk.Testing;
using IncidentDesk.Web.Features.Campaigns;
using IncidentDesk.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentDesk.IntegrationTests.ScaleOut;

/// <summary>
/// Two instances of the desk behind an imaginary load balancer: one PostgreSQL database, one Redis (both real, throwaway, on loopback). A starts first and
/// seeds (and creates the officer); B joins the running installation, as a second replica would.
/// </summary>
public sealed class ScaleOutFixture : IAsyncLifetime
{
    /// <summary>What this installation needs on the machine: a PostgreSQL server and a Redis server.</summary>
    public static readonly TestServer[] Servers = [TestServer.PostgreSql, TestServer.Redis];

    private ScaledOutDesk? _desk;
    private IncidentDeskHost? _a;
    private IncidentDeskHost? _b;

    public ThrowawayRedis Redis => _desk?.Redis ?? throw new InvalidOperationException("Not started.");

    public IncidentDeskHost A => _a ?? throw new InvalidOperationException("Not started.");

    public IncidentDeskHost B => _b ?? throw new InvalidOperationException("Not started.");

    /// <summary>What every instance of this installation is configured with (database, Redis), for a third one.</summary>
    public IReadOnlyDictionary<string, string?> SharedSettings => _desk?.Settings ?? throw new InvalidOperationException("Not started.");

    /// <summary>Both instances on one PostgreSQL database and one Redis (the scaled-out set-up), whichever engine the suite runs on.</summary>
    public async ValueTask InitializeAsync()
    {
        if (!TestServers.AreAvailable(Servers))
        {
            return; // the tests using this fixture carry [Requires(Servers)] and are reported as skipped
        }

        _desk = await ScaledOutDesk.PrepareAsync();
        _a = _desk.StartInstance(first: true);
        _b = _desk.StartInstance(first: false);
    }

    /// <summary>Launches a one-task campaign on the reference incident; returns SP-004's task id.</summary>
    public async Task<int> LaunchTaskForSp004Async(CancellationToken ct)
    {
        int incidentId;
        await using (var db = await A.Services.GetRequiredService<FederationWideDb>().CreateDbContextAsync(ct))
        {
            incidentId = await db.Incidents.Where(i => i.Reference == "INC-2026-0001").Select(i => i.Id).SingleAsync(ct);
        }

        int campaignId;
        await using (var officer = Audit.ActingAs.Scope(A, AppRoles.PrivacyOfficer))
        {
            var result = await officer.ServiceProvider.GetRequiredService<CampaignService>().LaunchAsync(new CampaignLaunch(incidentId,
                $"Campanha {Guid.NewGuid():N}", null, [new("Usa a integração de chat?", null, 2, false, TaskAnswerType.YesNo)],
                CampaignAudience.AllCoops), ct);
            campaignId = result.Value.CampaignId;
        }

        await using var read = await A.Services.GetRequiredService<FederationWideDb>().CreateDbContextAsync(ct);
        return await read.CoopTasks.Where(t => t.CampaignId == campaignId)
            .Join(read.Coops.Where(c => c.Code == "SP-004"), t => t.CoopId, c => c.Id, (t, _) => t.Id).SingleAsync(ct);
    }

    public async ValueTask DisposeAsync()
    {
        // B first: it reads A's database file, which A's disposal deletes.
        if (_b is not null)
        {
            await _b.DisposeAsync();
        }

        if (_a is not null)
        {
            await _a.DisposeAsync();
        }

        if (_desk is not null)
        {
            await _desk.DisposeAsync();
        }
    }
}
