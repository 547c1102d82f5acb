using IncidentDesk.Web.Features.Reports.Inbox;
using IncidentDesk.Web.Features.Reports.Door;

namespace IncidentDesk.Web.Features.Reports;

/// <summary>The outside reporters' door (security.txt, policy, form, status page) and the officers' intake inbox.</summary>
public static class ReportsRegistration
{
    public static IServiceCollection AddOutsideReports(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DisclosureOptions>().Bind(configuration.GetSection(DisclosureOptions.Section))
            .Validate(o => string.IsNullOrWhiteSpace(o.PublicBaseUrl)
                    || (Uri.TryCreate(o.PublicBaseUrl, UriKind.Absolute, out var url) && url.Scheme == Uri.UriSchemeHttps),
                $"{DisclosureOptions.Section}:PublicBaseUrl must be an absolute https:// address.")
            .Validate(o => string.IsNullOrEmpty(o.ChallengeKey) || o.ChallengeKey.Length >= 32,
                $"{DisclosureOptions.Section}:ChallengeKey must be at least 32 characters.")
            .ValidateOnStart();
        services.AddMemoryCache();
        services.AddSingleton<ProofOfWork>();
        services.AddSingleton<ReportThrottle>();
        services.AddScoped<PublicReportService>();
        services.AddScoped<ReportIntakeService>();
        services.AddScoped<InboxSummaryReader>();
        // The e-mail outbox replaces this registration with its own notifier.
        return services;
    }
}
