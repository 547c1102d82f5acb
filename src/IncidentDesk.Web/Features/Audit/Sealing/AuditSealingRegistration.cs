using IncidentDesk.Core.Audit;

namespace IncidentDesk.Web.Features.Audit.Sealing;

public static class AuditSealingRegistration
{
    /// <summary>The chain's keys (outside the database), its signed checkpoints and their schedule.</summary>
    public static IServiceCollection AddAuditSealing(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AuditSealingOptions>().Bind(configuration.GetSection(AuditSealingOptions.Section));
        services.AddSingleton<AuditKeyStore>();
        services.AddSingleton<AuditKeyRing>(sp => sp.GetRequiredService<AuditKeyStore>().Ring);
        services.AddSingleton<AuditCheckpoints>();
        services.AddHostedService<AuditCheckpointSchedule>();
        return services;
    }
}
