using IncidentDesk.Web.Features.Incidents.Intake;
using IncidentDesk.Core.Audit;
using IncidentDesk.Data;
using IncidentDesk.Data.Audit;
using IncidentDesk.IntegrationTests.Operators;
using IncidentDesk.Testing;
using IncidentDesk.Web.Features.Audit;
using IncidentDesk.Web.Features.Incidents;
using IncidentDesk.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentDesk.IntegrationTests.Audit;

/// <summary>
/// Many writers at once — single saves (the common case, which append under the chain lock only at the end) and units of
/// several saves (an incident registration: reference, record, timeline) — through one or more instances: afterwards the
/// chain is one gap-free sequence, every entry verifies against a checkpoint signed at the end, and nothing was lost.
/// </summary>
internal static class ConcurrentChainProof
{
    public static async Task RunAsync(IReadOnlyList<IncidentDeskHost> instances, int writers, int operationsEach, CancellationToken ct)
    {
        var officer = await TestAccounts.CreateAsync(instances[0], AppRoles.PrivacyOfficer);
        var marker = $"concurrent-{Guid.NewGuid():N}";
        var references = new System.Collections.Concurrent.ConcurrentBag<string>();
        var work = Enumerable.Range(0, writers).Select(writer => Task.Run(async () =>
        {
            var instance = instances[writer % instances.Count];
            for (var i = 0; i < operationsEach; i++)
            {
                if (i % 5 == 4)
                {
                    await using var scope = await instance.ActingAsAsync(officer);
                    var created = await scope.ServiceProvider.GetRequiredService<IncidentIntakeService>()
                        .CreateAsync(Incidents.IntakeTests.Draft($"Relato concorrente {writer}-{i}"), ct);
                    references.Add(created.Value.Reference);
                }
                else
                {
                    await using var scope = instance.Services.CreateAsyncScope();
                    await scope.ServiceProvider.GetRequiredService<AuditLog>().AppendAsync(
                        new AuditRecord("Probe.Concurrent", "Probe", marker, $"{writer}-{i}"), new AuditActor(null, $"writer-{writer}"), ct);
                }
            }
        }, ct)).ToList();
        await Task.WhenAll(work);

        var registrations = writers * (operationsEach / 5);
        Assert.Equal(registrations, references.Count);
        Assert.Equal(registrations, references.Distinct().Count());
        await using (var db = instances[0].Services.GetRequiredService<FederationWideDb>().CreateDbContext())
        {
            var sequences = await db.AuditEntries.OrderBy(e => e.Sequence).Select(e => e.Sequence).ToListAsync(ct);
            Assert.Equal(Enumerable.Range(1, sequences.Count).Select(s => (long)s), sequences);
            var appended = await db.AuditEntries.Where(e => e.EntityId == marker).Select(e => e.Changes).ToListAsync(ct);
            Assert.Equal(writers * (operationsEach - (operationsEach / 5)), appended.Count);
            Assert.Equal(appended.Count, appended.Distinct().Count());
        }

        Assert.Equal(0, (await OperatorCli.RunAsync(instances[^1], "audit", "checkpoint")).ExitCode);
        foreach (var instance in instances)
        {
            await using var scope = instance.Services.CreateAsyncScope();
            var verification = (await scope.ServiceProvider.GetRequiredService<AuditTrailService>()
                .VerifyAsync(new AuditActor(null, "concurrency proof"), cancellationToken: ct)).Value;
            Assert.True(verification.IsIntact, $"{verification.Break}: {verification.Problem}");
            Assert.NotNull(verification.Anchor);
        }
    }
}

/// <summary>One instance, many writers: on SQLite (and, in the PostgreSQL suite, on PostgreSQL).</summary>
public sealed class ConcurrentChainTests
{
    [Fact]
    public async Task Sixteen_writers_mixing_single_saves_and_units_leave_one_gap_free_chain_that_verifies()
    {
        await using var host = new IncidentDeskHost().Start();
        await ConcurrentChainProof.RunAsync([host], writers: 16, operationsEach: 25, TestContext.Current.CancellationToken);
    }
}
