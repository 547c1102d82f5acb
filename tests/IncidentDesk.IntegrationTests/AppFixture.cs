using IncidentDesk.Testing;

[assembly: AssemblyFixture(typeof(IncidentDesk.IntegrationTests.AppFixture))]
[assembly: TestCollectionOrderer(typeof(LongestFirstOrderer))]

namespace IncidentDesk.IntegrationTests;

/// <summary>One running app for the whole assembly (2 cores: start Kestrel and migrate once).</summary>
public sealed class AppFixture : IAsyncLifetime
{
    public IncidentDeskHost Host { get; } = new();

    public ValueTask InitializeAsync()
    {
        if (IncidentDeskHost.CanStart)
        {
            Host.Start();
        }

        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        ThrowawayPostgres.StopShared(); // the last fixture to go: every host on the cluster is gone
    }
}
