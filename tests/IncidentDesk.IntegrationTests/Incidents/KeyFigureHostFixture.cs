using IncidentDesk.Data;
using IncidentDesk.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentDesk.IntegrationTests.Incidents;

/// <summary>
/// A host of its own for tests that change the reference incident's figures and co-ops: the shared host's
/// incident must keep what DatabaseTests checks.
/// </summary>
public sealed class KeyFigureHostFixture : IAsyncLifetime
{
    public IncidentDeskHost Host { get; } = new();

    public IncidentDeskDbContext CreateDb() =>
        Host.Services.GetRequiredService<IDbContextFactory<IncidentDeskDbContext>>().CreateDbContext();

    public async Task<int> ReferenceIncidentIdAsync()
    {
        await using var db = CreateDb();
        return await db.Incidents.Where(i => i.Reference == "INC-2026-0001").Select(i => i.Id).SingleAsync();
    }

    public ValueTask InitializeAsync()
    {
        _ = Host.Services;
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}
