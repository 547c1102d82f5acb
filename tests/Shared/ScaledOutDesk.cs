using IncidentDesk.Data;

namespace IncidentDesk.Testing;

/// <summary>
/// What every instance of a scaled-out installation shares: a fresh database on the throwaway PostgreSQL cluster and a
/// throwaway Redis. Start the first instance with <see cref="Settings"/> (it migrates and seeds), then the others.
/// </summary>
public sealed class ScaledOutDesk(ThrowawayRedis redis, Dictionary<string, string?> settings) : IAsyncDisposable
{
    public ThrowawayRedis Redis { get; } = redis;

    public IReadOnlyDictionary<string, string?> Settings { get; } = settings;

    /// <param name="extra">More configuration every instance gets (log levels, limits).</param>
    public static async Task<ScaledOutDesk> PrepareAsync(IReadOnlyDictionary<string, string?>? extra = null)
    {
        var redis = await ThrowawayRedis.StartAsync();
        var shared = Directory.CreateTempSubdirectory("incidentdesk-scaled-out-").FullName;
        var settings = new Dictionary<string, string?>(extra ?? new Dictionary<string, string?>())
        {
            [DeskDatabase.ProviderKey] = nameof(DatabaseProvider.PostgreSQL),
            ["ConnectionStrings:IncidentDesk"] = ThrowawayPostgres.Shared.CreateDatabase(),
            ["IncidentDesk:Redis"] = redis.ConnectionString,
            // One desk, one chain: every instance seals with the same keys and signs checkpoints into one folder.
            ["IncidentDesk:Audit:KeysFolder"] = Path.Combine(shared, "audit-keys"),
            ["IncidentDesk:Audit:CheckpointsFolder"] = Path.Combine(shared, "audit-checkpoints"),
        };
        return new ScaledOutDesk(redis, settings);
    }

    /// <summary>One instance of the installation on loopback; only the first seeds and bootstraps the officer.</summary>
    public IncidentDeskHost StartInstance(bool first) =>
        new IncidentDeskHost(bootstrapOfficer: first, settings: new Dictionary<string, string?>(Settings)).Start();

    public ValueTask DisposeAsync() => Redis.DisposeAsync();
}
