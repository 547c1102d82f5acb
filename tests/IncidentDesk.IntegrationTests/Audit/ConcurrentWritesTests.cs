using IncidentDesk.Data;
using IncidentDesk.Testing;
using IncidentDesk.Web.Features.Audit;
using IncidentDesk.Web.Features.Incidents;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using IncidentDesk.Data.Audit;

namespace IncidentDesk.IntegrationTests.Audit;

/// <summary>
/// Writers that span several saves (registering an incident) and single audit appends (sign-ins) at the same
/// time: none waits for the other until a timeout, every write lands, and the chain stays intact.
/// </summary>
public sealed class ConcurrentWritesTests
{
    [Fact]
    public async Task Parallel_registrations_and_audit_appends_all_land_on_one_intact_chain()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = new IncidentDeskHost();
        host.Start();
        var officer = await TestAccounts.CreateAsync(host, "PrivacyOfficer");

        var registrations = Enumerable.Range(1, 8).Select(async i =>
        {
            await using var scope = await host.ActingAsAsync(officer);
            var result = await scope.ServiceProvider.GetRequiredService<IncidentRegisterService>()
                .CreateAsync(Incidents.IntakeTests.Draft($"Relato simultâneo {i}"), ct);
            return (string?)result.Value.Reference;
        });
        var appends = Enumerable.Range(1, 8).Select(async i =>
        {
            await using var scope = host.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<AuditLog>()
                .AppendAsync(new AuditRecord(AuditActions.SignInFailed, "User", $"u{i}"), new AuditActor(null, $"x{i}@exemplo.org"), ct);
            return (string?)null;
        });

        var references = (await Task.WhenAll(registrations.Concat(appends))).Where(r => r is not null).ToList();

        Assert.Equal(8, references.Distinct().Count());
        await using var db = await host.Services.GetRequiredService<FederationWideDb>().CreateDbContextAsync(ct);
        Assert.Equal(9, await db.Incidents.CountAsync(ct));
        await using var verifyScope = await host.ActingAsAsync(officer);
        var verification = (await verifyScope.ServiceProvider.GetRequiredService<AuditTrailService>().VerifyAsync(cancellationToken: ct)).Value;
        Assert.True(verification.IsIntact, verification.Problem);
    }
}
