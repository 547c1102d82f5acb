using IncidentDesk.Web.Features.Notifications.Versions;

namespace IncidentDesk.Web.Features.Notifications;

/// <summary>Notification drafts per controller, their versions, approvals and filings.</summary>
internal static class NotificationsRegistration
{
    public static IServiceCollection AddNotifications(this IServiceCollection services)
    {
        services.AddScoped<DraftService>();
        services.AddScoped<DraftVersionService>();
        services.AddScoped<FilingService>();
        return services;
    }

    public static IEndpointRouteBuilder MapNotifications(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapDraftDownloads();
        return endpoints;
    }
}
