using IncidentDesk.Data;
using IncidentDesk.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentDesk.IntegrationTests.Operators;

[CollectionDefinition(Name)]
public sealed class OperatorHostGroup : ICollectionFixture<OperatorHostFixture>
{
    public const string Name = "Operators' command line";
}

/// <summary>
/// A host of its own for the command-line tests: "nothing was written" is checked by counting users and
/// audit entries, which other test classes would change on the shared host.
/// </summary>
public sealed class OperatorHostFixture : IAsyncLifetime
{
    public IncidentDeskHost Host { get; } = new(seedDemo: false);

    public IncidentDeskDbContext CreateDb() =>
        Host.Services.GetRequiredService<FederationWideDb>().CreateDbContext();

    public async Task<(int Users, int AuditEntries)> CountAsync()
    {
        await using var db = CreateDb();
        return (await db.Users.CountAsync(), await db.AuditEntries.CountAsync());
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
