using IncidentDesk.Data;
using IncidentDesk.Data.Audit;
using IncidentDesk.Web.Features.Compliance;
using IncidentDesk.Web.Features.Exposure;
using IncidentDesk.Web.Features.Exposure.Findings;
using IncidentDesk.Web.Features.Exposure.Probe;
using IncidentDesk.Web.Features.Exposure.Runs;
using IncidentDesk.Web.Features.Live;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace IncidentDesk.Web.Tests.Infrastructure;

/// <summary>
/// What a component showing exposure watch needs, as the app registers it (the runner included, for an officer's "check
/// now"); the components under test render its buttons but the tests press none, so nothing is ever contacted.
/// </summary>
internal static class ExposureWatchServices
{
    public static IServiceCollection AddExposureWatchForComponents(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<AuditWriter>();
        services.TryAddSingleton<AuditTrail>();
        services.TryAddSingleton<BusinessCalendarProvider>();
        services.TryAddSingleton<IChangeFeed, InProcessChangeFeed>();
        services.TryAddSingleton<IHostApplicationLifetime, StillRunning>();
        services.AddOptions<ExposureWatchOptions>();
        services.TryAddScoped<ExposureQueryService>();
        services.TryAddSingleton<KafkaProbe>();
        services.TryAddSingleton<IFindingNotice, NoFindingMail>();
        services.TryAddSingleton<CheckRecorder>();
        services.TryAddSingleton<ExposureRunner>();
        services.TryAddScoped<ExposureRunService>();
        return services;
    }

    /// <summary>Components show findings; mailing them is the mail feature's, tested there.</summary>
    private sealed class NoFindingMail : IFindingNotice
    {
        public Task QueueAsync(IncidentDeskDbContext db, FindingNotice notice, CancellationToken cancellationToken) => Task.CompletedTask;

        public void Wake()
        {
        }
    }

    private sealed class StillRunning : IHostApplicationLifetime
    {
        public CancellationToken ApplicationStarted => CancellationToken.None;

        public CancellationToken ApplicationStopping => CancellationToken.None;

        public CancellationToken ApplicationStopped => CancellationToken.None;

        public void StopApplication()
        {
        }
    }
}
