using IncidentDesk.Web.Features.Compliance.Relevance;

namespace IncidentDesk.Web.Features.Compliance;

/// <summary>The LGPD engine's inputs: business calendar and closures, deadlines, relevance assessments, filings.</summary>
internal static class ComplianceRegistration
{
    public static IServiceCollection AddCompliance(this IServiceCollection services)
    {
        // The calendar reflects the closures officers configure: cached, and re-read only after a change. Resolved anew
        // for each consumer, so a service built after a change sees it.
        services.AddSingleton<BusinessCalendarProvider>();
        services.AddTransient(sp => sp.GetRequiredService<BusinessCalendarProvider>().Current);
        services.AddScoped<CalendarService>();
        services.AddScoped<DeadlineService>();
        services.AddScoped<RelevanceService>();
        services.AddScoped<ICommunicationFilings, RecordedCommunicationFilings>();
        return services;
    }
}
