using IncidentDesk.Testing;

[assembly: AssemblyFixture(typeof(IncidentDesk.ApiClientTests.DeskFixture))]

namespace IncidentDesk.ApiClientTests;

/// <summary>One running desk (real Kestrel on loopback, its own SQLite file) for the whole assembly.</summary>
public sealed class DeskFixture : IAsyncLifetime
{
    public IncidentDeskHost Host { get; } = new();

    public ValueTask InitializeAsync()
    {
        Host.Start();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}
