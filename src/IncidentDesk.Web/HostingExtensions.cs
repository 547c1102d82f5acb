using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;

using IncidentDesk.Data;
using IncidentDesk.Data.Identity;
using IncidentDesk.Data.Seeding;
using IncidentDesk.Web.Api;
using IncidentDesk.Web.Features.Account;
using IncidentDesk.Web.Features.Admin;
using IncidentDesk.Web.Features.Audit;
using IncidentDesk.Web.Features.Campaigns;
using IncidentDesk.Web.Features.Compliance;
using IncidentDesk.Web.Features.Coops;
using IncidentDesk.Web.Features.Dashboard;
using IncidentDesk.Web.Features.Exposure;
using IncidentDesk.Web.Features.Health;
using IncidentDesk.Web.Features.Incidents;
using IncidentDesk.Web.Features.Mail;
using IncidentDesk.Web.Features.Notifications;
using IncidentDesk.Web.Features.Playbooks;
using IncidentDesk.Web.Features.Preferences;
using IncidentDesk.Web.Features.Register;
using IncidentDesk.Web.Features.Tokens;
using IncidentDesk.Web.Features.Reports;
using IncidentDesk.Web.Features.Reports.Door;
using IncidentDesk.Web.Hubs;
using IncidentDesk.Web.Features.Audit.Sealing;
using IncidentDesk.Web.Security;

using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.WebEncoders;

using MudBlazor.Services;

namespace IncidentDesk.Web;

internal static class HostingExtensions
{
    public static readonly CultureInfo[] SupportedCultures = [new("pt-BR"), new("en-US")];

    public static void AddIncidentDesk(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.Configure<IncidentDeskOptions>(builder.Configuration.GetSection(IncidentDeskOptions.Section));
        services.AddSingleton(TimeProvider.System);

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
                configuration.GetConnectionString("IncidentDesk"), sp.GetRequiredService<IHostEnvironment>().ContentRootPath,
                DeskDatabase.ParseSqliteSync(configuration[DeskDatabase.SqliteSyncKey]));
        }, sp => sp.GetRequiredService<CurrentUser>().Scope);
        services.AddScoped<DatabaseSeeder>();
        services.AddHostedService<SqliteCheckpointer>();

        services.AddIncidentDeskSecurity(builder.Environment);
        builder.AddTransportHardening();
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
            .AddCheck<MigrationsHealthCheck>("migrations", tags: [HealthEndpoints.ReadyTag])
            .AddCheck<StorageHealthCheck>("storage", tags: [HealthEndpoints.ReadyTag]);

        // Each feature registers its own services (Features/<Area>/<Area>Registration.cs).
        services.AddAudit()
            .AddAuditSealing(builder.Configuration)
            .AddAccount()
            .AddAdministration()
            .AddMail()
            .AddOutsideReports(builder.Configuration)
            .AddExposureWatch(builder.Configuration)
            .AddPersonalAccessTokens()
            .AddPreferences()
            .AddCoops()
            .AddCompliance()
            .AddIncidents()
            .AddCampaigns()
            .AddPlaybooks()
            .AddNotifications()
            .AddRegister()
            .AddDashboard()
            .AddApi()
            .AddLiveUpdates(builder.Configuration);
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
        app.UsePublicReportDoor();
        app.UseCurrentUser();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapStaticAssets().AllowAnonymous();
        // Each feature maps its own endpoints (Features/<Area>/<Area>Registration.cs); pages are routed by Blazor below.
        app.MapHealthEndpoints();
        app.MapSecurityTxt();
        app.MapAccount();
        app.MapPreferences();
        app.MapMail();
        app.MapCoops();
        app.MapIncidents();
        app.MapCampaigns();
        app.MapNotifications();
        app.MapRegister();
        app.MapExposureWatch();
        app.MapApi();
        app.MapLiveUpdates();
        // Blazor emits its own frame-ancestors policy (it protects the compressed WebSocket); make it agree with ours.
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode(o => o.ContentSecurityFrameAncestorsPolicy = "'none'");

        app.Services.GetRequiredService<FirstRunSetup>().AnnounceWhenStarted(app);
    }
}
