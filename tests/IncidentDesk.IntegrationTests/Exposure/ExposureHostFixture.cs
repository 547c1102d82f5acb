using System.Globalization;
using IncidentDesk.Core.Exposure;
using IncidentDesk.Data;
using IncidentDesk.Testing;
using IncidentDesk.Web.Features.Exposure;
using IncidentDesk.Web.Features.Exposure.Endpoints;
using IncidentDesk.Web.Features.Exposure.Runs;
using IncidentDesk.Web.Outcomes;
using IncidentDesk.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ActingAs = IncidentDesk.IntegrationTests.Audit.ActingAs;

namespace IncidentDesk.IntegrationTests.Exposure;

/// <summary>
/// A host of its own for exposure tests (findings create the standing incident, which the shared host must not have),
/// with short timeouts and at most three checks in flight, so a run's bound shows with a handful of endpoints.
/// </summary>
public class ExposureHostFixture : IAsyncLifetime
{
    public const int MaxConcurrentChecks = 3;

    public ExposureHostFixture()
        : this(new Dictionary<string, string?>())
    {
    }

    protected ExposureHostFixture(IDictionary<string, string?> settings)
    {
        var all = new Dictionary<string, string?>
        {
            ["IncidentDesk:ExposureWatch:MaxConcurrentChecks"] = MaxConcurrentChecks.ToString(CultureInfo.InvariantCulture),
            ["IncidentDesk:ExposureWatch:ConnectTimeout"] = "00:00:01",
            ["IncidentDesk:ExposureWatch:ResponseTimeout"] = "00:00:01",
        };
        foreach (var (key, value) in settings)
        {
            all[key] = value;
        }

        Host = new IncidentDeskHost(settings: all);
    }

    public IncidentDeskHost Host { get; }

    public IncidentDeskDbContext CreateDb() => Host.Services.GetRequiredService<FederationWideDb>().CreateDbContext();

    public async Task<int> CoopIdAsync(string code)
    {
        await using var db = CreateDb();
        return await db.Coops.Where(c => c.Code == code).Select(c => c.Id).SingleAsync();
    }

    public async Task<AsyncServiceScope> LiaisonOfAsync(string coopCode) =>
        ActingAs.Scope(Host, AppRoles.CoopLiaison, await CoopIdAsync(coopCode));

    public AsyncServiceScope Officer() => ActingAs.Scope(Host, AppRoles.PrivacyOfficer);

    /// <summary>The liaison of <paramref name="coopCode"/> declares an endpoint (and authorizes it, unless told not to).</summary>
    public async Task<int> DeclareAsync(string coopCode, string host, int port, bool authorize = true)
    {
        await using var scope = await LiaisonOfAsync(coopCode);
        var result = await scope.ServiceProvider.GetRequiredService<EndpointService>()
            .DeclareAsync(new EndpointDeclaration(await CoopIdAsync(coopCode), host, port, Authorize: authorize));
        return result.Succeeded ? result.Value : throw new InvalidOperationException($"declaration refused: {result}");
    }

    /// <summary>An officer checks one endpoint now and waits for the check to be recorded.</summary>
    public async Task<Result<RunStart>> CheckNowAsync(int endpointId)
    {
        await using var scope = Officer();
        var result = await scope.ServiceProvider.GetRequiredService<ExposureRunService>().CheckEndpointAsync(endpointId);
        if (result.ValueOrDefault is { } run)
        {
            await run.Completion.WaitAsync(TimeSpan.FromSeconds(30));
        }

        return result;
    }

    /// <summary>The hour between two checks of one endpoint has passed (the endpoint's claim is moved back, as a test arrangement).</summary>
    public async Task AnHourPassesAsync(int endpointId)
    {
        await using var db = CreateDb();
        var endpoint = await db.BrokerEndpoints.SingleAsync(e => e.Id == endpointId);
        endpoint.CheckClaimedAtUtc = endpoint.CheckClaimedAtUtc?.Subtract(ExposureRules.MinInterval).AddMinutes(-1);
        await db.SaveArrangedAsync();
    }

    public ValueTask InitializeAsync()
    {
        Host.Start();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

/// <summary>The same, as production runs it: loopback, link-local and private targets refused.</summary>
public sealed class PublicTargetsOnlyFixture() : ExposureHostFixture(new Dictionary<string, string?>
{
    ["IncidentDesk:ExposureWatch:AllowPrivateTargets"] = "false",
});
