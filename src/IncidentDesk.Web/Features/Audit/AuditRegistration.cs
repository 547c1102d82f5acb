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
        return services;
    }
}
