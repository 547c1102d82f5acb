using IncidentDesk.Data.Audit;

namespace IncidentDesk.Web.Features.Audit;

/// <summary>The audit trail: the sealed writer, the app's door to it, and the trail's page.</summary>
internal static class AuditRegistration
{
    public static IServiceCollection AddAudit(this IServiceCollection services)
    {
        services.AddSingleton<AuditWriter>();
        services.AddSingleton<AuditTrail>();
        services.AddScoped<AuditLog>();
        services.AddScoped<AuditTrailService>();
        // Denials are recorded in full up to a per-caller rate, then counted; the counts are written when each minute closes.
        services.AddSingleton<DenialThrottle>();
        services.AddHostedService<DenialCountFlush>();
        return services;
    }
}
