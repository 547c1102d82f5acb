using IncidentDesk.Web.Features.Incidents.Intake;
using IncidentDesk.Data;
using IncidentDesk.Testing;
using IncidentDesk.Web.Features.Audit;
using IncidentDesk.Web.Features.Incidents;
using IncidentDesk.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using IncidentDesk.Data.Audit;

namespace IncidentDesk.IntegrationTests.ScaleOut;

/// <summary>
/// Two instances writing at once keep ONE audit chain and one sequence of incident references: the instances do not
/// share memory, so the chain's lock is the database's (an advisory lock on PostgreSQL), not a semaphore.
/// </summary>
[Requires(TestServer.PostgreSql, TestServer.Redis)]
public sealed class CrossInstanceWritesTests(ScaleOutFixture fixture) : IClassFixture<ScaleOutFixture>
{
    [Fact]
    public async Task Registrations_and_audit_appends_through_both_instances_at_once_land_on_one_intact_chain()
    {
        var ct = TestContext.Current.CancellationToken;
        var officer = await TestAccounts.CreateAsync(fixture.A, AppRoles.PrivacyOfficer);
        IncidentDeskHost[] instances = [fixture.A, fixture.B];

        var registrations = Enumerable.Range(1, 30).Select(async i =>
        {
            await using var scope = await instances[i % 2].ActingAsAsync(officer);
            var created = await scope.ServiceProvider.GetRequiredService<IncidentIntakeService>()
                .CreateAsync(Incidents.IntakeTests.Draft($"Relato simultâneo em duas instâncias {i}"), ct);
            return (string?)created.Value.Reference;
        });
        var appends = Enumerable.Range(1, 30).Select(async i =>
        {
            await using var scope = instances[i % 2].Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<AuditLog>()
                .AppendAsync(new AuditRecord(AuditActions.SignInFailed, "User", $"u{i}"), new AuditActor(null, $"x{i}@exemplo.org"), ct);
            return (string?)null;
        });

        var references = (await Task.WhenAll(registrations.Concat(appends))).Where(r => r is not null).ToList();

        Assert.Equal(30, references.Count);
        Assert.Equal(30, references.Distinct().Count());
        await using var scopeOnB = await fixture.B.ActingAsAsync(officer);
        var verification = (await scopeOnB.ServiceProvider.GetRequiredService<AuditTrailService>().VerifyAsync(cancellationToken: ct)).Value;
        Assert.True(verification.IsIntact, verification.Problem);
        await using var db = await fixture.A.Services.GetRequiredService<FederationWideDb>().CreateDbContextAsync(ct);
        var sequences = await db.AuditEntries.OrderBy(e => e.Sequence).Select(e => e.Sequence).ToListAsync(ct);
        Assert.Equal(Enumerable.Range(1, sequences.Count).Select(s => (long)s), sequences);
    }
}

/// <summary>The longer proof across two instances on PostgreSQL: the chain lock is the database's, taken only around the append.</summary>
[StartsFirst]
[Requires(TestServer.PostgreSql, TestServer.Redis)]
public sealed class CrossInstanceChainTests(ScaleOutFixture fixture) : IClassFixture<ScaleOutFixture>
{
    [Fact]
    public async Task Twenty_four_writers_on_two_instances_leave_one_gap_free_chain_that_verifies_on_both()
    {
        await Audit.ConcurrentChainProof.RunAsync([fixture.A, fixture.B], writers: 24, operationsEach: 25, TestContext.Current.CancellationToken);
    }
}
