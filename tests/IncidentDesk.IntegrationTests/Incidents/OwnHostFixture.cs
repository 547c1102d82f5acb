using IncidentDesk.Data;
using IncidentDesk.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentDesk.IntegrationTests.Incidents;

/// <summary>
/// A host of its own per test class, for tests that create incidents or change the reference incident:
/// the shared host must keep exactly what DatabaseTests checks.
/// </summary>
public sealed class OwnHostFixture : IAsyncLifetime
{
    public IncidentDeskHost Host { get; } = new();

    public IncidentDeskDbContext CreateDb() =>
        Host.Services.GetRequiredService<FederationWideDb>().CreateDbContext();

    public async Task<int> ReferenceIncidentIdAsync()
    {
        await using var db = CreateDb();
        return await db.Incidents.Where(i => i.Reference == "INC-2026-0001").Select(i => i.Id).SingleAsync();
    }

    public ValueTask InitializeAsync()
    {
        if (IncidentDeskHost.CanStart)
        {
            Host.Start();
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}
