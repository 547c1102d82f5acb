using IncidentDesk.Web.Features.Health;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.StackExchangeRedis;
using Microsoft.AspNetCore.SignalR.StackExchangeRedis;
using Microsoft.Extensions.DependencyInjection.Extensions;
using StackExchange.Redis;

namespace IncidentDesk.Web.Features.Live;

/// <summary>Names on the shared Redis, all under the installation's prefix.</summary>
internal sealed record RedisScaleOutSettings(string Configuration, string Prefix)
{
    public string ChangesChannel => $"{Prefix}:changes";

    public string KeysKey => $"{Prefix}:dataprotection-keys";
}

/// <summary>
/// Several instances behind one load balancer: with <c>IncidentDesk:Redis</c> set, one multiplexer carries
/// the change feed, the SignalR backplane and the data-protection keys (a cookie issued by one instance opens the
/// others), and readiness includes Redis. Unset, nothing here is registered and the desk runs as one process.
/// </summary>
internal static class RedisScaleOut
{
    public static IServiceCollection AddRedisScaleOut(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(IncidentDeskOptions.Section);
        if (string.IsNullOrWhiteSpace(section[nameof(IncidentDeskOptions.Redis)]))
        {
            return services;
        }

        var settings = new RedisScaleOutSettings(
            section[nameof(IncidentDeskOptions.Redis)]!,
            section[nameof(IncidentDeskOptions.RedisPrefix)] is { Length: > 0 } prefix ? prefix : new IncidentDeskOptions().RedisPrefix);
        services.AddSingleton(settings);
        services.AddSingleton<IConnectionMultiplexer>(_ => Connect(settings.Configuration));

        services.AddSingleton<InProcessChangeFeed>();
        services.AddSingleton<RedisChangeFeed>();
        services.Replace(ServiceDescriptor.Singleton<IChangeFeed>(sp => sp.GetRequiredService<RedisChangeFeed>()));
        services.AddHostedService(sp => sp.GetRequiredService<RedisChangeFeed>());

        services.AddSignalR().AddStackExchangeRedis(o => o.Configuration.ChannelPrefix = RedisChannel.Literal(settings.Prefix));
        services.AddOptions<RedisOptions>().Configure<IConnectionMultiplexer>(
            (o, redis) => o.ConnectionFactory = _ => Task.FromResult(redis));

        // PostConfigure: wins over the file repository whatever order the registrations run in.
        services.AddOptions<KeyManagementOptions>().PostConfigure<IConnectionMultiplexer>(
            (o, redis) => o.XmlRepository = new RedisXmlRepository(() => redis.GetDatabase(), settings.KeysKey));

        services.AddHealthChecks().AddCheck<RedisHealthCheck>("redis", tags: [HealthEndpoints.ReadyTag]);
        return services;
    }

    private static ConnectionMultiplexer Connect(string configuration)
    {
        var options = ConfigurationOptions.Parse(configuration);
        // Start even when Redis is down (the desk still serves this instance) and keep reconnecting in the background.
        options.AbortOnConnectFail = false;
        // While Redis is away a command fails at once instead of queueing for the command timeout: a liaison's write
        // (which relays to the hub's backplane) and a readiness probe must not hang on it.
        options.BacklogPolicy = BacklogPolicy.FailFast;
        return ConnectionMultiplexer.Connect(options);
    }
}
