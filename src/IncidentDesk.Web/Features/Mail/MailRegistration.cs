using IncidentDesk.Web.Features.Admin.Onboarding;
using IncidentDesk.Web.Features.Mail.MailLog;
using IncidentDesk.Web.Features.Mail.Preferences;
using IncidentDesk.Web.Features.Mail.Runs;
using IncidentDesk.Web.Features.Mail.Sending;
using Microsoft.Extensions.Options;

namespace IncidentDesk.Web.Features.Mail;

/// <summary>The mail feature's services: the outbox, its sender, the scheduled runs, the log, preferences and onboarding.</summary>
internal static class MailRegistration
{
    public static IServiceCollection AddMail(this IServiceCollection services)
    {
        services.AddOptions<MailOptions>().BindConfiguration(MailOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<MailOptions>, MailOptionsCheck>();
        services.AddSingleton<MailLinks>();
        services.AddSingleton<MailComposer>();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<MailOutbox>();
        services.AddSingleton<MailTransport>();
        services.AddSingleton<SendRecorder>();
        services.AddHostedService<OutboxSender>();
        services.AddSingleton<MailRunner>();
        services.AddSingleton<ReminderRun>();
        services.AddSingleton<DeadlineAlertRun>();
        services.AddSingleton<MailRetention>();
        services.AddHostedService<MailScheduler>();
        services.AddScoped<InvitationMails>();
        services.AddScoped<LaunchNotices>();
        services.AddScoped<MailLogService>();
        services.AddScoped<MailPreferencesService>();
        services.AddScoped<OnboardingService>();
        // Other features' notices, mailed through the outbox (each feature registers a silent stand-in only if none is here).
        services.AddSingleton<Exposure.Findings.IFindingNotice, ExposureFindingMail>();
        services.AddSingleton<Reports.Inbox.IReporterNotifier, ReporterUpdateMail>();
        return services;
    }

    public static void MapMail(this IEndpointRouteBuilder endpoints) => endpoints.MapUnsubscribe();

    /// <summary>Refuses to start with a configuration that would send broken or unsafe mail; names the key, never the password.</summary>
    private sealed class MailOptionsCheck(IConfiguration configuration) : IValidateOptions<MailOptions>
    {
        public ValidateOptionsResult Validate(string? name, MailOptions options)
        {
            var problems = options.Problems(configuration[$"{IncidentDeskOptions.Section}:PublicUrl"]).ToList();
            return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
        }
    }
}
