using IncidentDesk.Benchmarks.Faults;
using IncidentDesk.Testing;

namespace IncidentDesk.IntegrationTests.Faults;

/// <summary>
/// The fault tests start, kill and restart whole app processes and fill file systems: they run one after another (one
/// collection), beside the rest of the suite, and share one prepared data folder to copy from.
/// </summary>
[StartsFirst]
[CollectionDefinition(Name)]
public sealed class FaultsGroup : ICollectionFixture<FaultDeskFixture>
{
    public const string Name = "Faults: killed processes, full disks, backups under load";
}

public sealed class FaultDeskFixture : IAsyncLifetime
{
    /// <summary>Liaisons answering their co-ops' tasks during a burst.</summary>
    public const int Liaisons = 8;

    private FaultDeskTemplate? _template;

    internal FaultDeskTemplate Template => _template ?? throw new InvalidOperationException("The template was not prepared.");

    public async ValueTask InitializeAsync()
    {
        if (IncidentDeskHost.CanStart)
        {
            _template = await FaultDeskTemplate.PrepareAsync(Liaisons);
        }
    }

    public ValueTask DisposeAsync()
    {
        _template?.Dispose();
        return ValueTask.CompletedTask;
    }
}
