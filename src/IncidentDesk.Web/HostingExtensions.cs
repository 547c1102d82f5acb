using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.WebEncoders;
using IncidentDesk.Data;
using IncidentDesk.Data.Identity;
using IncidentDesk.Data.Seeding;
using IncidentDesk.Web.Api;
using IncidentDesk.Web.Features.Account;
using IncidentDesk.Web.Features.Admin;
using IncidentDesk.Web.Features.Tokens;
using IncidentDesk.Web.Features.Coops;
using IncidentDesk.Web.Features.Health;
using IncidentDesk.Web.Features.Incidents;
using IncidentDesk.Web.Features.Incidents.Evidence;
using IncidentDesk.Web.Features.Incidents.Timeline;
using IncidentDesk.Web.Features.Preferences;
using IncidentDesk.Web.Hubs;
using IncidentDesk.Web.Security;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MudBlazor.Services;
using IncidentDesk.Data.Audit;

namespace IncidentDesk.Web;

internal static class HostingExtensions
{
    public static readonly CultureInfo[] SupportedCultures = [new("pt-BR"), new("en-US")];

    public static void AddIncidentDesk(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.Configure<IncidentDeskOptions>(builder.Configuration.GetSection(IncidentDeskOptions.Section));
        services.AddSingleton(TimeProvider.System);
        // The calendar reflects the closures officers configure: cached, and re-read only after a change. Resolved anew
        // for each consumer, so a service built after a change sees it.
        services.AddSingleton<Features.Compliance.BusinessCalendarProvider>();
        services.AddTransient(sp => sp.GetRequiredService<Features.Compliance.BusinessCalendarProvider>().Current);

        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture("pt-BR");
            o.SupportedCultures = SupportedCultures;
            o.SupportedUICultures = SupportedCultures;
            // pt-BR is the product's language; only an explicit choice (the cookie) switches it.
            o.RequestCultureProviders = [new CookieRequestCultureProvider()];
        });

        services.AddRazorComponents().AddInteractiveServerComponents();
        // Portuguese text stays readable in the served HTML instead of becoming &#xE7; entities.
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddMudServices();
        services.AddTransient<MudBlazor.MudLocalizer, Layout.MudTranslations>();

        // Configuration is read when the container builds, so test hosts and env vars override it alike.
        services.AddDeskDatabase((sp, o) =>
        {
            var configuration = sp.GetRequiredService<IConfiguration>();
            o.UseDesk(DeskDatabase.ParseProvider(configuration[DeskDatabase.ProviderKey]),
                configuration.GetConnectionString("IncidentDesk"), sp.GetRequiredService<IHostEnvironment>().ContentRootPath);
        }, sp => sp.GetRequiredService<CurrentUser>().Scope);
        services.AddScoped<DatabaseSeeder>();

        services.AddIncidentDeskSecurity(builder.Environment);
        services.AddIncidentDeskRateLimits();
        services.AddReverseProxySupport();
        // Keys persisted beside the data, so a restart keeps everyone signed in and antiforgery tokens valid (in Redis instead
        // when scaled out: see Features/Live/RedisScaleOut.cs).
        services.AddDataProtection().SetApplicationName("IncidentDesk");
        services.AddOptions<KeyManagementOptions>().Configure<IServiceProvider>((o, sp) =>
        {
            var folder = sp.GetRequiredService<IOptions<IncidentDeskOptions>>().Value.KeysFolder;
            var root = sp.GetRequiredService<IHostEnvironment>().ContentRootPath;
            o.XmlRepository = new FileSystemXmlRepository(
                new DirectoryInfo(Path.GetFullPath(folder, root)), sp.GetRequiredService<ILoggerFactory>());
        });

        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: [HealthEndpoints.ReadyTag])
            .AddCheck<MigrationsHealthCheck>("migrations", tags: [HealthEndpoints.ReadyTag]);

        services.AddScoped<CoopDirectoryService>();
        services.AddScoped<CoopProfileService>();
        services.AddScoped<CoopImportService>();
        services.AddScoped<IncidentService>();
        services.AddScoped<IncidentRegisterService>();
        services.AddScoped<Features.Incidents.Timeline.TimelineService>();
        services.AddSingleton<EvidenceStore>();
        services.AddHostedService<AbandonedUploadSweeper>();
        services.AddScoped<EvidenceService>();
        services.AddScoped<KeyFigureService>();
        services.AddScoped<InvolvementService>();
        services.AddScoped<Features.Campaigns.CampaignService>();
        services.AddScoped<Features.Campaigns.CoopTaskService>();
        services.AddScoped<Features.Campaigns.CampaignProgressService>();
        services.AddScoped<Features.Playbooks.PlaybookService>();
        services.AddScoped<Features.Dashboard.DashboardService>();
        services.AddScoped<Features.Compliance.CalendarService>();
        services.AddScoped<Features.Compliance.DeadlineService>();
        services.AddScoped<Features.Register.RegisterService>();
        services.AddScoped<Features.Notifications.DraftService>();
        services.AddScoped<Features.Compliance.Relevance.RelevanceService>();
        services.AddScoped<Features.Compliance.ICommunicationFilings, Features.Compliance.RecordedCommunicationFilings>();
        services.AddScoped<Features.Notifications.Versions.DraftVersionService>();
        services.AddScoped<Features.Notifications.Versions.FilingService>();
        services.AddScoped<UserPreferencesService>();
        services.AddSingleton<Data.Audit.AuditWriter>();
        services.AddSingleton<Data.Audit.AuditTrail>();
        services.AddScoped<Features.Audit.AuditLog>();
        services.AddScoped<Features.Audit.AuditTrailService>();
        services.AddAdministration();
        services.AddPersonalAccessTokens();
        services.AddApi();
        services.AddLiveUpdates(builder.Configuration);
        Features.Exposure.ExposureRegistration.AddExposureWatch(services, builder.Configuration);
        services.AddSingleton<FirstRunSetup>();
        services.AddScoped<AccountBootstrapper>();
    }

    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<IncidentDeskDbContext>();
        await DeskDatabase.MigrateAsync(db);
        await sp.GetRequiredService<DatabaseSeeder>()
            .SeedAsync(sp.GetRequiredService<IOptions<IncidentDeskOptions>>().Value.SeedDemo);
        await sp.GetRequiredService<AccountBootstrapper>().EnsureFirstAccountAsync();
    }

    public static void UseIncidentDesk(this WebApplication app)
    {
        app.UseReverseProxySupport();
        // Users never see a stack trace, not even in Development: the log gets the detail.
        app.UseExceptionHandler("/error", createScopeForErrors: true);
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.UseSecurityHeaders();
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseRequestLocalization();
        app.UsePlainHttpRefusal();
        app.UseAuthentication();
        app.UseUnmatchedApiPaths();
        app.UseRateLimiter();
        app.UseCurrentUser();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapStaticAssets().AllowAnonymous();
        app.MapHealthEndpoints();
        app.MapAccountEndpoints();
        app.MapPreferenceEndpoints();
        app.MapAdministration();
        app.MapEvidenceEndpoints();
        app.MapApi();
        app.MapLiveUpdates();
        app.MapTimelineExports();
        Features.Campaigns.MatrixExportEndpoints.MapMatrixExports(app);
        app.MapCoopExport();
        Features.Notifications.DraftEndpoints.MapDraftDownloads(app);
        Features.Register.RegisterEndpoints.MapRegisterExport(app);
        Features.Exposure.ExposureRegistration.MapExposureWatch(app);
        // Blazor emits its own frame-ancestors policy (it protects the compressed WebSocket); make it agree with ours.
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode(o => o.ContentSecurityFrameAncestorsPolicy = "'none'");

        app.Services.GetRequiredService<FirstRunSetup>().AnnounceWhenStarted(app);
    }
}
